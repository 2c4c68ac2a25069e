/** The one error type this library throws: its message says what was wrong and what to do. */
export class ContainerImageError extends Error {
  override readonly name = 'ContainerImageError';
}

/** `IMAGE_TAG` or an extra tag is not a valid Docker tag. */
export function invalidTag(variable: string, value: string): ContainerImageError {
  return new ContainerImageError(
    `${variable} must be 1 to 128 letters, digits, '_', '.' or '-' and not start with ` +
      `'.' or '-', got "${value}".`,
  );
}

/** `IMAGE_REPOSITORY` is not set where a push or a deploy needs it. */
export function missingRepository(): ContainerImageError {
  return new ContainerImageError(
    'IMAGE_REPOSITORY is not set: set it to the repository to push to, for example ' +
      '"123456789012.dkr.ecr.eu-west-1.amazonaws.com/simple-time-service" or ' +
      '"docker.io/<user>/simpletimeservice".',
  );
}

/** `IMAGE_REPOSITORY` is not a repository name a container CLI accepts. */
export function invalidRepository(value: string): ContainerImageError {
  return new ContainerImageError(
    `IMAGE_REPOSITORY must be [registry[:port]/]path with a lowercase path and no tag, ` +
      `got "${value}".`,
  );
}

/** No commit to name the image after, and no `IMAGE_TAG` either. */
export function noCommit(cwd: string, cause: string): ContainerImageError {
  return new ContainerImageError(
    `Cannot name the image after the current commit in ${cwd} (${cause}). Run inside a ` +
      'git checkout with at least one commit, or set IMAGE_TAG.',
  );
}

/** A push of a tag that names a commit plus uncommitted changes. */
export function dirtyPush(reference: string): ContainerImageError {
  return new ContainerImageError(
    `Refusing to push ${reference}: the working tree has uncommitted changes, so the tag ` +
      `would not name what was built. Commit the changes, or set IMAGE_TAG to name the image.`,
  );
}

/** `CONTAINER_CLI` is set to something that cannot be a command. */
export function invalidCli(value: string): ContainerImageError {
  return new ContainerImageError(
    `CONTAINER_CLI must be a command name or path such as "docker" or "podman", got "${value}".`,
  );
}

/** `BUN_VERSION` is not an exact release, which would unpin the base image. */
export function invalidBunVersion(value: string): ContainerImageError {
  return new ContainerImageError(
    `BUN_VERSION must be an exact Bun release such as "1.4.5" (the base image is ` +
      `oven/bun:<version>-slim), got "${value}". Unset it to use the Dockerfile's default.`,
  );
}

/** The container CLI is not installed or not on PATH. */
export function cliNotFound(cli: string): ContainerImageError {
  return new ContainerImageError(
    `Container CLI "${cli}" was not found on PATH. Install Docker ` +
      `(https://docs.docker.com/engine/install/) or Podman ("apt-get install podman"), or set ` +
      `CONTAINER_CLI to the command to use, for example CONTAINER_CLI=podman.`,
  );
}

/** The container CLI is there but its engine does not answer. */
export function engineUnavailable(cli: string, detail: string): ContainerImageError {
  return new ContainerImageError(
    `"${cli} info" failed, so no container engine answers (${detail}). Start the engine ` +
      `(for Docker, the Docker daemon), or set CONTAINER_CLI=podman to build without one.`,
  );
}

/** The build output the image copies is missing. */
export function missingBuildOutput(path: string): ContainerImageError {
  return new ContainerImageError(
    `${path} does not exist: build the service first with "npx nx build time-service", or ` +
      `run "npx nx docker-build time-service", which builds it for you.`,
  );
}

/** The command does not run from the folder that holds the Dockerfile. */
export function missingDockerfile(path: string): ContainerImageError {
  return new ContainerImageError(
    `No Dockerfile at ${path}: run this from the workspace root, as the Nx targets do.`,
  );
}

/** The container CLI exited non-zero while building or pushing. */
export function commandFailed(
  command: readonly string[],
  status: number | null,
): ContainerImageError {
  return new ContainerImageError(
    `"${command.join(' ')}" failed with exit status ${status ?? 'unknown (killed by a signal)'}; ` +
      `its output above says why.`,
  );
}
