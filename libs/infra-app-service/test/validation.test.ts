import { describe, expect, it } from 'bun:test';
import { SERVICE_KEEP_ALIVE_SECONDS } from '@simple-time-service/service-contract';
import { TerraformStack, Testing } from 'cdktf';
import {
  AppService,
  idleTimeoutNotBelowKeepAlive,
  invalidAutoScalingRange,
  invalidCertificateArn,
  invalidFargateSize,
  invalidHealthCheckPath,
  invalidLogRetention,
  invalidName,
  outOfRange,
  reservedEnvironmentVariable,
  tooFewSubnets,
  type AppServiceProps,
} from '../src';
import { LOG_RETENTION_DAYS } from '@simple-time-service/infra-common';
import { MINIMAL_PROPS, PLAIN_NETWORK } from './fixtures';

function build(props: Partial<AppServiceProps>): () => void {
  const stack = new TerraformStack(Testing.app(), 'Test');
  return () => new AppService(stack, 'App', { ...MINIMAL_PROPS, ...props });
}

describe('AppService validation', () => {
  it('throws when memory does not pair with cpu on Fargate', () => {
    expect(build({ cpu: 256, memoryMiB: 4096 })).toThrow(
      invalidFargateSize(256, 4096, [512, 1024, 2048]).message,
    );
  });

  it('throws when cpu is not a Fargate size', () => {
    expect(build({ cpu: 300 })).toThrow(invalidFargateSize(300, 512, undefined).message);
  });

  it('accepts every documented size such as 1024 CPU with 8192 MiB', () => {
    expect(build({ cpu: 1024, memoryMiB: 8192 })).not.toThrow();
  });

  it('throws when desiredCount is negative', () => {
    expect(build({ desiredCount: -1 })).toThrow(
      outOfRange('desiredCount', -1, 'a whole number from 0 to 10000').message,
    );
  });

  it('throws when autoscaling min exceeds max', () => {
    expect(build({ autoScaling: { minCapacity: 5, maxCapacity: 2 } })).toThrow(
      invalidAutoScalingRange(5, 2).message,
    );
  });

  it('throws when the health check path does not start with a slash', () => {
    expect(build({ healthCheckPath: 'healthz' })).toThrow(
      invalidHealthCheckPath('healthz').message,
    );
  });

  it('throws when the ALB idle timeout is not below the service keep-alive', () => {
    expect(build({ idleTimeoutSeconds: SERVICE_KEEP_ALIVE_SECONDS })).toThrow(
      idleTimeoutNotBelowKeepAlive(SERVICE_KEEP_ALIVE_SECONDS, SERVICE_KEEP_ALIVE_SECONDS).message,
    );
  });

  it('throws when the caller sets TRUST_PROXY', () => {
    expect(build({ environment: { TRUST_PROXY: '0.0.0.0/0' } })).toThrow(
      reservedEnvironmentVariable('TRUST_PROXY').message,
    );
  });

  it('throws when the log retention is not one CloudWatch offers', () => {
    expect(build({ logRetentionDays: 31 })).toThrow(
      invalidLogRetention(31, LOG_RETENTION_DAYS).message,
    );
  });

  it('throws when the ALB would get fewer than two public subnets', () => {
    const network = { ...PLAIN_NETWORK, publicSubnetIds: ['subnet-public-a'] };

    expect(build({ network })).toThrow(tooFewSubnets('network.publicSubnetIds', 1, 2).message);
  });

  it('throws when the certificate is not an ACM ARN', () => {
    expect(build({ certificateArn: 'my-cert' })).toThrow(invalidCertificateArn('my-cert').message);
  });

  it('throws when the name would make the ALB name longer than AWS allows', () => {
    const name = 'a'.repeat(27);

    expect(build({ name })).toThrow(invalidName(name).message);
  });

  it('throws when the container port is outside 1 to 65535', () => {
    expect(build({ containerPort: 70000 })).toThrow(
      outOfRange('containerPort', 70000, 'a whole number from 1 to 65535').message,
    );
  });
});
