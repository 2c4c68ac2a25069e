// Pushes the image that `docker-build` tagged: `npx nx docker-push time-service` runs this
// from the workspace root. It needs IMAGE_REPOSITORY; see docs/container.md.
import { pushCommands } from '../commands';
import { normalizeContainerOptions } from '../container-options';
import { assertContainerEngine } from '../preflight';
import { runCommand, runCli } from './run';

runCli(() => {
  const options = normalizeContainerOptions({ requireRepository: true });
  const commands = pushCommands(options);
  assertContainerEngine(options.cli);

  for (const command of commands) {
    runCommand(command);
  }

  console.log(`pushed ${options.image.reference}`);
});
