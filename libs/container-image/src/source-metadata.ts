import { tryGit } from './private/git';

/** Where an image's code came from, for its OCI labels. */
export interface SourceMetadata {
  /** Full commit SHA, with `-dirty` when the tree had uncommitted changes, or `unknown`. */
  readonly revision: string;
  /** Public URL of the repository, without credentials; undefined when there is none. */
  readonly sourceUrl: string | undefined;
}

/** Reads the commit and the `origin` remote of the checkout at `cwd`; never throws. */
export function readSourceMetadata(cwd: string): SourceMetadata {
  const commit = tryGit(cwd, ['rev-parse', 'HEAD']);
  const status = tryGit(cwd, ['status', '--porcelain', '--untracked-files=no']);
  const remote = tryGit(cwd, ['remote', 'get-url', 'origin']);

  const revision = commit ? `${commit}${status ? '-dirty' : ''}` : 'unknown';
  return { revision, sourceUrl: remote ? publicSourceUrl(remote) : undefined };
}

/**
 * Turns a git remote into a browsable https URL, and drops any user name or token in it: an
 * image label is public, and a remote such as `https://user:token@host/repo` must not leak.
 */
export function publicSourceUrl(remote: string): string | undefined {
  const scpLike = /^[\w.-]+@([\w.-]+):(.+)$/.exec(remote);
  const candidate = scpLike ? `https://${scpLike[1]}/${scpLike[2]}` : remote;

  let url: URL;
  try {
    url = new URL(candidate);
  } catch {
    return undefined;
  }
  if (!['https:', 'http:', 'ssh:', 'git:'].includes(url.protocol)) {
    return undefined;
  }

  return `https://${url.hostname}${url.pathname.replace(/\.git$/, '')}`;
}
