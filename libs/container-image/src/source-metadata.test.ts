import { afterEach, describe, expect, it } from 'bun:test';
import { publicSourceUrl, readSourceMetadata } from './source-metadata';
import { TempGitRepo } from './test-support/temp-git-repo';

describe('publicSourceUrl', () => {
  it.each([
    ['https://github.com/org/repo.git', 'https://github.com/org/repo'],
    ['git@github.com:org/repo.git', 'https://github.com/org/repo'],
    ['ssh://git@github.com/org/repo.git', 'https://github.com/org/repo'],
    ['https://user:ghp_secret@github.com/org/repo', 'https://github.com/org/repo'],
  ])('turns %p into %p', (remote, expected) => {
    expect(publicSourceUrl(remote)).toBe(expected);
  });

  it.each([['/srv/git/repo.git'], ['file:///srv/git/repo.git']])(
    'gives no URL for the local remote %p',
    (remote) => {
      expect(publicSourceUrl(remote)).toBeUndefined();
    },
  );
});

describe('readSourceMetadata', () => {
  let repo: TempGitRepo | undefined;

  afterEach(() => repo?.remove());

  it('gives the full commit and the remote without credentials', () => {
    repo = new TempGitRepo();
    repo.write('a.txt', 'a');
    const sha = repo.commit();
    repo.git('remote', 'add', 'origin', 'https://token@example.com/org/repo.git');

    expect(readSourceMetadata(repo.dir)).toEqual({
      revision: sha,
      sourceUrl: 'https://example.com/org/repo',
    });
  });

  it('marks the revision -dirty when tracked files changed', () => {
    repo = new TempGitRepo();
    repo.write('a.txt', 'a');
    const sha = repo.commit();
    repo.write('a.txt', 'b');

    expect(readSourceMetadata(repo.dir).revision).toBe(`${sha}-dirty`);
  });

  it('gives an unknown revision and no URL outside a commit, instead of throwing', () => {
    repo = new TempGitRepo();

    expect(readSourceMetadata(repo.dir)).toEqual({ revision: 'unknown', sourceUrl: undefined });
  });
});
