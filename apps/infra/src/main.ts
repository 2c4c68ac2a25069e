import { resolveImageReference } from '@simple-time-service/container-image';
import { App } from 'cdktf';
import { loadInfraConfig } from './load-config';
import { TimeServiceStack } from './time-service-stack';

// The image is named by the same function as `time-service:docker-push` uses, so a deploy
// runs exactly the pushed image. Synth works without IMAGE_REPOSITORY (a fresh clone, CI);
// the deploy preflight insists on it before anything is pushed or applied.
const image = resolveImageReference();
const config = loadInfraConfig(process.env);
const app = new App();

for (const stack of config.stacks) {
  new TimeServiceStack(app, { config: stack, image: image.reference });
}

app.synth();
