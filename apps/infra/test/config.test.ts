import { describe, expect, it } from 'bun:test';
import { DEFAULT_REGION, parseInfraConfig } from '../src/config';

const FILE = { dev: { desiredCount: 2 }, prod: { region: 'us-east-1', zoneCount: 3 } };

describe('parseInfraConfig', () => {
  it('selects dev in eu-west-1 with a local backend when nothing is set', () => {
    const config = parseInfraConfig({}, FILE);

    expect(config.selected).toMatchObject({
      environment: 'dev',
      stackName: 'time-service-dev',
      region: DEFAULT_REGION,
      backend: { kind: 'local' },
    });
  });

  it('builds one stack per environment of the file, in file order', () => {
    const names = parseInfraConfig({}, FILE).stacks.map((stack) => stack.stackName);

    expect(names).toEqual(['time-service-dev', 'time-service-prod']);
  });

  it('takes the region from AWS_REGION, then AWS_DEFAULT_REGION', () => {
    expect(parseInfraConfig({ AWS_REGION: 'eu-central-1' }, FILE).selected.region).toBe(
      'eu-central-1',
    );
    expect(parseInfraConfig({ AWS_DEFAULT_REGION: 'ap-south-1' }, FILE).selected.region).toBe(
      'ap-south-1',
    );
  });

  it("lets an environment's own region win over AWS_REGION", () => {
    const config = parseInfraConfig(
      { AWS_REGION: 'eu-central-1', INFRA_ENVIRONMENT: 'prod' },
      FILE,
    );

    expect(config.selected.region).toBe('us-east-1');
  });

  it('uses an S3 backend keyed by stack when TF_BACKEND_S3_BUCKET is set', () => {
    const config = parseInfraConfig(
      { TF_BACKEND_S3_BUCKET: 'acme-tfstate', TF_BACKEND_S3_KEY_PREFIX: 'time/' },
      FILE,
    );

    expect(config.selected.backend).toEqual({
      kind: 's3',
      bucket: 'acme-tfstate',
      region: DEFAULT_REGION,
      key: 'time/time-service-dev.tfstate',
    });
  });

  it('throws naming the known environments when INFRA_ENVIRONMENT is unknown', () => {
    expect(() => parseInfraConfig({ INFRA_ENVIRONMENT: 'qa' }, FILE)).toThrow(
      'INFRA_ENVIRONMENT must name an environment of apps/infra/environments.json (dev, prod), ' +
        'got "qa".',
    );
  });

  it('throws when AWS_REGION is not a region name', () => {
    expect(() => parseInfraConfig({ AWS_REGION: 'Ireland' }, FILE)).toThrow(
      'AWS_REGION must be an AWS region name such as "eu-west-1", got "Ireland".',
    );
  });

  it('throws when the bucket name is not one S3 accepts', () => {
    expect(() => parseInfraConfig({ TF_BACKEND_S3_BUCKET: 'Acme_State' }, FILE)).toThrow(
      'TF_BACKEND_S3_BUCKET must be an S3 bucket name',
    );
  });

  it('throws on a misspelt setting instead of ignoring it', () => {
    expect(() => parseInfraConfig({}, { dev: { desiredcount: 3 } })).toThrow(
      'environments.json dev.desiredcount is not a setting',
    );
  });

  it('throws when a setting has the wrong type', () => {
    expect(() => parseInfraConfig({}, { dev: { desiredCount: '3' } })).toThrow(
      'environments.json dev.desiredCount must be a number, got "3".',
    );
  });

  it('throws when an environment name could not go into AWS resource names', () => {
    expect(() => parseInfraConfig({}, { Dev_1: {} })).toThrow(
      'environments.json keys must be 1 to 12 lowercase letters and digits',
    );
  });

  it('throws when the file defines no environment', () => {
    expect(() => parseInfraConfig({}, {})).toThrow('at least one environment');
  });
});
