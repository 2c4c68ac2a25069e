import { afterEach, beforeEach, describe, expect, it } from 'bun:test';
import {
  COMMIT_TAG_LENGTH,
  LOCAL_IMAGE_REPOSITORY,
  resolveImageReference,
} from './image-reference';
import { TempGitRepo } from './test-support/temp-git-repo';

describe('resolveImageReference', () => {
  let repo: TempGitRepo;

  beforeEach(() => {
    repo = new TempGitRepo();
    repo.write('main.ts', 'one');
  });

  afterEach(() => repo.remove());

  it('tags with the short SHA of the current commit on a clean tree', () => {
    const sha = repo.commit();

    const image = resolveImageReference({ env: {}, cwd: repo.dir });

    expect(image.tag).toBe(sha.slice(0, COMMIT_TAG_LENGTH));
    expect(image.dirty).toBe(false);
    expect(image.reference).toBe(`${LOCAL_IMAGE_REPOSITORY}:${image.tag}`);
  });

  it('names a new tag for every new commit', () => {
    repo.commit();
    const first = resolveImageReference({ env: {}, cwd: repo.dir });
    repo.write('main.ts', 'two');
    repo.commit();

    const second = resolveImageReference({ env: {}, cwd: repo.dir });

    expect(second.tag).not.toBe(first.tag);
  });

  it('adds -dirty when a tracked file has uncommitted changes', () => {
    const sha = repo.commit();
    repo.write('main.ts', 'changed');

    const image = resolveImageReference({ env: {}, cwd: repo.dir });

    expect(image.tag).toBe(`${sha.slice(0, COMMIT_TAG_LENGTH)}-dirty`);
    expect(image.dirty).toBe(true);
  });

  it('does not count untracked files as uncommitted changes', () => {
    repo.commit();
    repo.write('scratch.txt', 'notes');

    expect(resolveImageReference({ env: {}, cwd: repo.dir }).dirty).toBe(false);
  });

  it('uses IMAGE_TAG and IMAGE_REPOSITORY when set, even on a dirty tree', () => {
    repo.commit();
    repo.write('main.ts', 'changed');
    const env = { IMAGE_REPOSITORY: '127.0.0.1:5000/time', IMAGE_TAG: 'v1.2.3' };

    const image = resolveImageReference({ env, cwd: repo.dir });

    expect(image).toEqual({
      repository: '127.0.0.1:5000/time',
      tag: 'v1.2.3',
      reference: '127.0.0.1:5000/time:v1.2.3',
      dirty: false,
    });
  });

  it('accepts an ECR repository URL', () => {
    const env = {
      IMAGE_REPOSITORY: '123456789012.dkr.ecr.eu-west-1.amazonaws.com/simple-time-service',
      IMAGE_TAG: 'abc',
    };

    expect(resolveImageReference({ env }).repository).toBe(env.IMAGE_REPOSITORY);
  });

  it('tells to commit or set IMAGE_TAG when the repository has no commit', () => {
    expect(() => resolveImageReference({ env: {}, cwd: repo.dir })).toThrow(
      /at least one commit, or set IMAGE_TAG/,
    );
  });

  it('throws when a push requires IMAGE_REPOSITORY and it is unset', () => {
    const options = { env: { IMAGE_TAG: 'v1' }, requireRepository: true };

    expect(() => resolveImageReference(options)).toThrow(/IMAGE_REPOSITORY is not set/);
  });

  it.each([['Docker.io/User/App'], ['docker.io/user/app:latest'], ['a//b']])(
    'rejects the repository %p',
    (value) => {
      const env = { IMAGE_REPOSITORY: value, IMAGE_TAG: 'v1' };

      expect(() => resolveImageReference({ env })).toThrow(`got "${value}"`);
    },
  );

  it.each([['-v1'], ['.hidden'], ['has space'], ['x'.repeat(129)]])(
    'rejects the tag %p',
    (value) => {
      expect(() => resolveImageReference({ env: { IMAGE_TAG: value } })).toThrow(
        /IMAGE_TAG must be/,
      );
    },
  );
});
