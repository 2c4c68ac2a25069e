// Builds the time service's image: `npx nx docker-build time-service` runs this from the
// workspace root after `build`. Settings come from the environment; see docs/container.md.
import { existsSync } from 'node:fs';
import { BUILD_OUTPUT_DIR, buildCommand } from '../commands';
import { normalizeContainerOptions } from '../container-options';
import { missingBuildOutput, missingDockerfile } from '../errors';
import { assertContainerEngine } from '../preflight';
import { readSourceMetadata } from '../source-metadata';
import { runCommand, runCli } from './run';

runCli(() => {
  const options = normalizeContainerOptions();
  if (!existsSync('Dockerfile')) {
    throw missingDockerfile(`${process.cwd()}/Dockerfile`);
  }
  if (!existsSync(`${BUILD_OUTPUT_DIR}/main.js`)) {
    throw missingBuildOutput(`${BUILD_OUTPUT_DIR}/main.js`);
  }
  assertContainerEngine(options.cli);

  runCommand(buildCommand(options, readSourceMetadata(process.cwd())));

  console.log(`built ${options.image.reference}`);
});
