// Prints, as one JSON object, the image that `docker-build` would tag and `docker-push` would
// push with the current environment and checkout, so that scripts need not repeat the rule.
import { resolveImageReference } from '../image-reference';
import { runCli } from './run';

runCli(() => {
  console.log(JSON.stringify(resolveImageReference()));
});
