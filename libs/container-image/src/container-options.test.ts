import { describe, expect, it } from 'bun:test';
import { normalizeContainerOptions } from './container-options';

// IMAGE_TAG keeps these tests independent of the checkout they run in.
const base = { IMAGE_TAG: 'v1' };

describe('normalizeContainerOptions', () => {
  it('defaults to docker, the local repository, no extra tags and no extra flags', () => {
    const options = normalizeContainerOptions({ env: base });

    expect(options).toEqual({
      cli: 'docker',
      image: {
        repository: 'simple-time-service',
        tag: 'v1',
        reference: 'simple-time-service:v1',
        dirty: false,
      },
      extraTags: [],
      bunVersion: undefined,
      buildFlags: [],
      pushFlags: [],
    });
  });

  it('takes CONTAINER_CLI, trimmed', () => {
    expect(normalizeContainerOptions({ env: { ...base, CONTAINER_CLI: ' podman ' } }).cli).toBe(
      'podman',
    );
  });

  it('treats an empty CONTAINER_CLI as unset', () => {
    expect(normalizeContainerOptions({ env: { ...base, CONTAINER_CLI: '' } }).cli).toBe('docker');
  });

  it('rejects a CONTAINER_CLI that holds arguments or shell syntax', () => {
    const env = { ...base, CONTAINER_CLI: 'podman --remote' };

    expect(() => normalizeContainerOptions({ env })).toThrow(
      'CONTAINER_CLI must be a command name or path such as "docker" or "podman", ' +
        'got "podman --remote".',
    );
  });

  it('takes an exact BUN_VERSION', () => {
    const env = { ...base, BUN_VERSION: '1.4.6' };

    expect(normalizeContainerOptions({ env }).bunVersion).toBe('1.4.6');
  });

  it.each([['latest'], ['1.4'], ['1']])('rejects BUN_VERSION %p, which is not pinned', (value) => {
    const env = { ...base, BUN_VERSION: value };

    expect(() => normalizeContainerOptions({ env })).toThrow(`got "${value}"`);
  });

  it('splits IMAGE_EXTRA_TAGS on commas and spaces, dropping repeats and the main tag', () => {
    const env = { ...base, IMAGE_EXTRA_TAGS: 'latest, v1 stable,latest' };

    expect(normalizeContainerOptions({ env }).extraTags).toEqual(['latest', 'stable']);
  });

  it('rejects an invalid extra tag and names IMAGE_EXTRA_TAGS', () => {
    const env = { ...base, IMAGE_EXTRA_TAGS: 'latest,-bad' };

    expect(() => normalizeContainerOptions({ env })).toThrow(/^IMAGE_EXTRA_TAGS must be/);
  });

  it('splits the build and push flags on whitespace', () => {
    const env = {
      ...base,
      CONTAINER_BUILD_FLAGS: ' --pull=never  --platform=linux/amd64 ',
      CONTAINER_PUSH_FLAGS: '--tls-verify=false',
    };

    const options = normalizeContainerOptions({ env });

    expect(options.buildFlags).toEqual(['--pull=never', '--platform=linux/amd64']);
    expect(options.pushFlags).toEqual(['--tls-verify=false']);
  });

  it('requires IMAGE_REPOSITORY when asked to, as docker-push does', () => {
    expect(() => normalizeContainerOptions({ env: base, requireRepository: true })).toThrow(
      /IMAGE_REPOSITORY is not set/,
    );
  });
});
