import { CONTAINER_PORT } from '@simple-time-service/service-contract';
import type { ContainerOptions } from './container-options';
import { dirtyPush } from './errors';
import type { SourceMetadata } from './source-metadata';

/** Folder that `nx build time-service` writes and the Dockerfile copies. */
export const BUILD_OUTPUT_DIR = 'dist/apps/time-service';

/** Every `repository:tag` the options name: the main reference first, then the extra tags. */
export function imageReferences(options: ContainerOptions): string[] {
  const { repository, reference } = options.image;
  return [reference, ...options.extraTags.map((tag) => `${repository}:${tag}`)];
}

/** The argv of `<cli> build` for the Dockerfile in `contextDir`. */
export function buildCommand(
  options: ContainerOptions,
  source: SourceMetadata,
  contextDir = '.',
): string[] {
  const buildArgs = {
    CONTAINER_PORT: String(CONTAINER_PORT),
    BUN_VERSION: options.bunVersion,
    REVISION: source.revision,
    SOURCE_URL: source.sourceUrl,
  };

  return [
    options.cli,
    'build',
    ...formatFlags(options),
    ...options.buildFlags,
    '--file',
    `${contextDir}/Dockerfile`,
    ...imageReferences(options).flatMap((reference) => ['--tag', reference]),
    ...Object.entries(buildArgs).flatMap(([name, value]) =>
      value === undefined ? [] : ['--build-arg', `${name}=${value}`],
    ),
    contextDir,
  ];
}

/** One `<cli> push` argv per tag; refuses a tag that hides uncommitted changes. */
export function pushCommands(options: ContainerOptions): string[][] {
  if (options.image.dirty) {
    throw dirtyPush(options.image.reference);
  }

  return imageReferences(options).map((reference) => [
    options.cli,
    'push',
    ...options.pushFlags,
    reference,
  ]);
}

// Podman writes OCI images by default, and the OCI format has no HEALTHCHECK: ask for the
// Docker format unless the caller chose a format already.
function formatFlags(options: ContainerOptions): string[] {
  const isPodman = /(^|\/)podman[^/]*$/.test(options.cli);
  const formatChosen = options.buildFlags.some((flag) => flag.startsWith('--format'));
  return isPodman && !formatChosen ? ['--format', 'docker'] : [];
}
