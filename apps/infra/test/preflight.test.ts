import { describe, expect, it } from 'bun:test';
import { join } from 'node:path';
import type { ImageReference } from '@simple-time-service/container-image';
import { parseInfraConfig } from '../src/config';
import { formatPreflightReport, runPreflight, type PreflightInput } from '../src/preflight';

const PUSHED: ImageReference = {
  repository: '123456789012.dkr.ecr.eu-west-1.amazonaws.com/time',
  tag: '0123456789ab',
  reference: '123456789012.dkr.ecr.eu-west-1.amazonaws.com/time:0123456789ab',
  dirty: false,
};

function preflight(overrides: Partial<PreflightInput> = {}) {
  return runPreflight({
    action: 'deploy',
    env: { AWS_PROFILE: 'dev' },
    which: (name) => (name === 'terraform' ? '/usr/bin/terraform' : undefined),
    fileExists: () => false,
    resolveImage: () => PUSHED,
    loadConfig: (env) => parseInfraConfig(env, { dev: {} }),
    ...overrides,
  });
}

describe('runPreflight', () => {
  it('passes with Terraform, credentials and a pushed image', () => {
    const result = preflight();

    expect(result.problems).toEqual([]);
    expect(result).toMatchObject({
      terraformBinary: '/usr/bin/terraform',
      stackName: 'time-service-dev',
    });
  });

  it('says to install Terraform or OpenTofu when neither is on PATH', () => {
    const result = preflight({ which: () => undefined });

    expect(result.problems).toEqual([
      expect.stringContaining('Terraform or OpenTofu (1.10 or later) is not on PATH: install'),
    ]);
  });

  it('accepts OpenTofu when Terraform is missing', () => {
    const result = preflight({ which: (name) => (name === 'tofu' ? '/usr/bin/tofu' : undefined) });

    expect(result.terraformBinary).toBe('/usr/bin/tofu');
  });

  it('names the credential variables to set when none are found', () => {
    const [problem] = preflight({ env: {} }).problems;

    expect(problem).toContain('No AWS credentials found: set AWS_PROFILE');
    expect(problem).toContain('AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY');
  });

  it('names the missing half of an access key pair', () => {
    const result = preflight({ env: { AWS_ACCESS_KEY_ID: 'AKIAEXAMPLE' } });

    expect(result.problems).toEqual([
      'AWS_SECRET_ACCESS_KEY is not set, but its pair is: set both or neither.',
    ]);
  });

  it('finds credentials in the shared credentials file', () => {
    const credentials = join('/home/me', '.aws', 'credentials');
    const result = preflight({
      env: { HOME: '/home/me' },
      fileExists: (path) => path === credentials,
    });

    expect(result.credentialSource).toBe(credentials);
  });

  it('stops a deploy when the image repository cannot be named', () => {
    const result = preflight({
      resolveImage: () => {
        throw new Error('IMAGE_REPOSITORY is not set: set it to the repository to push to.');
      },
    });

    expect(result.problems).toEqual([
      'IMAGE_REPOSITORY is not set: set it to the repository to push to.',
    ]);
  });

  it('stops a deploy of an image built from uncommitted changes', () => {
    const result = preflight({
      resolveImage: () => ({ ...PUSHED, dirty: true, tag: 'abc-dirty' }),
    });

    expect(result.problems).toEqual([expect.stringContaining('marks uncommitted changes')]);
  });

  it('does not ask a plan for an image', () => {
    const result = preflight({
      action: 'plan',
      resolveImage: () => {
        throw new Error('not asked');
      },
    });

    expect(result.problems).toEqual([]);
  });

  it('reports every problem at once', () => {
    const result = preflight({ env: {}, which: () => undefined });

    expect(result.problems).toHaveLength(2);
  });
});

describe('formatPreflightReport', () => {
  it('lists each problem under a line that says nothing was changed', () => {
    const report = formatPreflightReport('deploy', { problems: ['first', 'second'] });

    expect(report).toBe(
      'infra:deploy stopped before changing anything; fix the following and run it again:\n' +
        '  - first\n  - second',
    );
  });
});
