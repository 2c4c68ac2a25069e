import { invalidRepository, missingRepository, noCommit } from './errors';
import { assertImageTag } from './image-tag';
import { git } from './private/git';

/** Local repository name used when `IMAGE_REPOSITORY` is unset and nothing is pushed. */
export const LOCAL_IMAGE_REPOSITORY = 'simple-time-service';

/** Length of the abbreviated commit SHA used as the default tag. */
export const COMMIT_TAG_LENGTH = 12;

/** Suffix of a commit tag built from a working tree with uncommitted changes. */
export const DIRTY_TAG_SUFFIX = '-dirty';

/** The image a build produces and a deploy runs. */
export interface ImageReference {
  /** Registry and repository, e.g. `123456789012.dkr.ecr.eu-west-1.amazonaws.com/time`. */
  readonly repository: string;
  /** The tag: `IMAGE_TAG`, or the current commit's short SHA. */
  readonly tag: string;
  /** `repository:tag`, as a container CLI and an ECS task definition take it. */
  readonly reference: string;
  /** True when the tag names a commit but the working tree has uncommitted changes. */
  readonly dirty: boolean;
}

/** Where `resolveImageReference` reads its inputs. */
export interface ImageReferenceOptions {
  /** Environment to read `IMAGE_REPOSITORY` and `IMAGE_TAG` from. @default process.env */
  readonly env?: Readonly<Record<string, string | undefined>>;
  /** Folder inside the git checkout whose commit names the image. @default process.cwd() */
  readonly cwd?: string;
  /** Fail unless `IMAGE_REPOSITORY` is set, as a push or a deploy must. @default false */
  readonly requireRepository?: boolean;
}

// Docker's distribution spec: a repository path is lowercase components separated by '/',
// after an optional registry host and port.
const REGISTRY = '[A-Za-z0-9.-]+(?::[0-9]+)?';
const PATH_COMPONENT = '[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*';
const REPOSITORY_PATTERN = new RegExp(
  `^(?:${REGISTRY}/)?${PATH_COMPONENT}(?:/${PATH_COMPONENT})*$`,
);

/**
 * Names the image that `docker-build` tags, `docker-push` pushes and the infrastructure
 * deploys. The tag defaults to the commit, so that every deploy names a new, immutable image
 * and ECS never keeps running old code under a reused tag.
 */
export function resolveImageReference(options: ImageReferenceOptions = {}): ImageReference {
  const env = options.env ?? process.env;
  const repository = resolveRepository(env, options.requireRepository ?? false);
  const explicitTag = env.IMAGE_TAG?.trim();

  if (explicitTag) {
    assertImageTag('IMAGE_TAG', explicitTag);
    return {
      repository,
      tag: explicitTag,
      reference: `${repository}:${explicitTag}`,
      dirty: false,
    };
  }

  const cwd = options.cwd ?? process.cwd();
  const commit = readCommit(cwd);
  const dirty = hasUncommittedChanges(cwd);
  const tag = dirty ? `${commit}${DIRTY_TAG_SUFFIX}` : commit;
  return { repository, tag, reference: `${repository}:${tag}`, dirty };
}

function resolveRepository(
  env: Readonly<Record<string, string | undefined>>,
  required: boolean,
): string {
  const repository = env.IMAGE_REPOSITORY?.trim();

  if (!repository) {
    if (required) {
      throw missingRepository();
    }
    return LOCAL_IMAGE_REPOSITORY;
  }

  if (!REPOSITORY_PATTERN.test(repository)) {
    throw invalidRepository(repository);
  }
  return repository;
}

function readCommit(cwd: string): string {
  try {
    return git(cwd, ['rev-parse', `--short=${COMMIT_TAG_LENGTH}`, 'HEAD']);
  } catch (error) {
    throw noCommit(cwd, (error as Error).message.trim());
  }
}

// Untracked files are ignored: they are not in the build unless a build step reads them, and
// counting them would mark every checkout with a stray scratch file as dirty.
function hasUncommittedChanges(cwd: string): boolean {
  return git(cwd, ['status', '--porcelain', '--untracked-files=no']) !== '';
}
