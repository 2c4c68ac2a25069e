import { invalidBunVersion, invalidCli } from './errors';
import { resolveImageReference, type ImageReference } from './image-reference';
import { assertImageTag } from './image-tag';

/** Container CLI used when `CONTAINER_CLI` is unset. */
export const DEFAULT_CONTAINER_CLI = 'docker';

/** Everything `docker-build` and `docker-push` need, normalised from the environment. */
export interface ContainerOptions {
  /** Command that builds and pushes images: `CONTAINER_CLI`, `docker` or `podman`. */
  readonly cli: string;
  /** The image to build and push, from `IMAGE_REPOSITORY` and `IMAGE_TAG`. */
  readonly image: ImageReference;
  /** More tags for the same image, from `IMAGE_EXTRA_TAGS`, without the main tag. */
  readonly extraTags: readonly string[];
  /** Bun release of the base image, from `BUN_VERSION`; undefined keeps the Dockerfile's. */
  readonly bunVersion: string | undefined;
  /** Extra arguments for `<cli> build`, from `CONTAINER_BUILD_FLAGS`. */
  readonly buildFlags: readonly string[];
  /** Extra arguments for `<cli> push`, from `CONTAINER_PUSH_FLAGS`. */
  readonly pushFlags: readonly string[];
}

/** Where `normalizeContainerOptions` reads its inputs. */
export interface ContainerOptionsInput {
  /** Environment to read the variables from. @default process.env */
  readonly env?: Readonly<Record<string, string | undefined>>;
  /** Folder inside the git checkout whose commit names the image. @default process.cwd() */
  readonly cwd?: string;
  /** Fail unless `IMAGE_REPOSITORY` is set, as a push must. @default false */
  readonly requireRepository?: boolean;
}

const CLI_PATTERN = /^[^\s'"`$;&|<>]+$/;
const BUN_VERSION_PATTERN = /^\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?$/;

/**
 * Reads the container settings from the environment once, applies the defaults and rejects
 * bad values before any command runs.
 */
export function normalizeContainerOptions(input: ContainerOptionsInput = {}): ContainerOptions {
  const env = input.env ?? process.env;
  const cli = env.CONTAINER_CLI?.trim() || DEFAULT_CONTAINER_CLI;
  const bunVersion = env.BUN_VERSION?.trim() || undefined;

  if (!CLI_PATTERN.test(cli)) {
    throw invalidCli(cli);
  }
  if (bunVersion !== undefined && !BUN_VERSION_PATTERN.test(bunVersion)) {
    throw invalidBunVersion(bunVersion);
  }

  const image = resolveImageReference({
    env,
    cwd: input.cwd,
    requireRepository: input.requireRepository,
  });
  const extraTags = splitList(env.IMAGE_EXTRA_TAGS).filter((tag) => tag !== image.tag);
  for (const tag of extraTags) {
    assertImageTag('IMAGE_EXTRA_TAGS', tag);
  }

  return {
    cli,
    image,
    extraTags: [...new Set(extraTags)],
    bunVersion,
    buildFlags: splitList(env.CONTAINER_BUILD_FLAGS, /\s+/),
    pushFlags: splitList(env.CONTAINER_PUSH_FLAGS, /\s+/),
  };
}

// Flags are split on whitespace, without shell quoting: none of the flags this is meant for
// (--pull=never, --tls-verify=false, --platform=linux/amd64) needs a space in a value.
function splitList(value: string | undefined, separator: RegExp = /[\s,]+/): string[] {
  return (value ?? '').split(separator).filter((item) => item !== '');
}
