import { describe, expect, it } from 'bun:test';
import { CONTAINER_PORT } from '@simple-time-service/service-contract';
import { buildCommand, imageReferences, pushCommands } from './commands';
import { normalizeContainerOptions } from './container-options';

const source = { revision: 'abc123', sourceUrl: 'https://example.com/org/repo' };

function options(env: Record<string, string> = {}) {
  return normalizeContainerOptions({
    env: { IMAGE_REPOSITORY: 'registry.example.com/time', IMAGE_TAG: 'v1', ...env },
  });
}

function flagValues(argv: readonly string[], flag: string): string[] {
  return argv.flatMap((arg, index) => (arg === flag ? [argv[index + 1] ?? ''] : []));
}

describe('imageReferences', () => {
  it('lists the main reference first, then one per extra tag', () => {
    expect(imageReferences(options({ IMAGE_EXTRA_TAGS: 'latest' }))).toEqual([
      'registry.example.com/time:v1',
      'registry.example.com/time:latest',
    ]);
  });
});

describe('buildCommand', () => {
  it('builds the workspace Dockerfile with the context at the end', () => {
    const argv = buildCommand(options(), source);

    expect(argv.slice(0, 2)).toEqual(['docker', 'build']);
    expect(flagValues(argv, '--file')).toEqual(['./Dockerfile']);
    expect(argv.at(-1)).toBe('.');
  });

  it('tags every reference', () => {
    const argv = buildCommand(options({ IMAGE_EXTRA_TAGS: 'latest' }), source);

    expect(flagValues(argv, '--tag')).toEqual([
      'registry.example.com/time:v1',
      'registry.example.com/time:latest',
    ]);
  });

  it('passes the contract port, the revision and the source URL as build arguments', () => {
    const argv = buildCommand(options(), source);

    expect(flagValues(argv, '--build-arg')).toEqual([
      `CONTAINER_PORT=${CONTAINER_PORT}`,
      'REVISION=abc123',
      'SOURCE_URL=https://example.com/org/repo',
    ]);
  });

  it('passes BUN_VERSION only when it is set, so the Dockerfile pin applies otherwise', () => {
    const argv = buildCommand(options({ BUN_VERSION: '1.4.6' }), source);

    expect(flagValues(argv, '--build-arg')).toContain('BUN_VERSION=1.4.6');
  });

  it('leaves SOURCE_URL out when the checkout has no public remote', () => {
    const argv = buildCommand(options(), { revision: 'abc', sourceUrl: undefined });

    expect(flagValues(argv, '--build-arg').some((arg) => arg.startsWith('SOURCE_URL='))).toBe(
      false,
    );
  });

  it('asks podman for the Docker format, which keeps the HEALTHCHECK', () => {
    const argv = buildCommand(options({ CONTAINER_CLI: '/usr/bin/podman' }), source);

    expect(flagValues(argv, '--format')).toEqual(['docker']);
  });

  it('adds no format flag for docker, or when the caller chose one', () => {
    const docker = buildCommand(options(), source);
    const chosen = buildCommand(
      options({ CONTAINER_CLI: 'podman', CONTAINER_BUILD_FLAGS: '--format=oci' }),
      source,
    );

    expect(docker.some((arg) => arg.startsWith('--format'))).toBe(false);
    expect(chosen.filter((arg) => arg.startsWith('--format'))).toEqual(['--format=oci']);
  });

  it('passes CONTAINER_BUILD_FLAGS before the positional context', () => {
    const argv = buildCommand(options({ CONTAINER_BUILD_FLAGS: '--pull=never' }), source);

    expect(argv.indexOf('--pull=never')).toBeGreaterThan(1);
    expect(argv.indexOf('--pull=never')).toBeLessThan(argv.length - 1);
  });
});

describe('pushCommands', () => {
  it('pushes each reference with CONTAINER_PUSH_FLAGS', () => {
    const commands = pushCommands(
      options({ IMAGE_EXTRA_TAGS: 'latest', CONTAINER_PUSH_FLAGS: '--tls-verify=false' }),
    );

    expect(commands).toEqual([
      ['docker', 'push', '--tls-verify=false', 'registry.example.com/time:v1'],
      ['docker', 'push', '--tls-verify=false', 'registry.example.com/time:latest'],
    ]);
  });

  it('refuses a tag built from uncommitted changes and says to commit or set IMAGE_TAG', () => {
    const dirty = {
      ...options(),
      image: {
        repository: 'registry.example.com/time',
        tag: '0123456789ab-dirty',
        reference: 'registry.example.com/time:0123456789ab-dirty',
        dirty: true,
      },
    };

    expect(() => pushCommands(dirty)).toThrow(
      'Refusing to push registry.example.com/time:0123456789ab-dirty: ',
    );
    expect(() => pushCommands(dirty)).toThrow('Commit the changes, or set IMAGE_TAG');
  });
});
