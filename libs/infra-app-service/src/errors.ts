/**
 * Every message the service construct throws, written once, so that tests match on the
 * factory's output and a reworded message cannot silently drift from what the tests expect.
 */

/** A prop of `AppService` had a value the construct cannot build from. */
export class AppServicePropError extends Error {
  /** Name of the prop that was wrong. */
  readonly prop: string;

  constructor(prop: string, message: string) {
    super(message);
    this.name = 'AppServicePropError';
    this.prop = prop;
  }
}

/** A number prop outside its range, or not a whole number where one is needed. */
export function outOfRange(prop: string, value: number, range: string): AppServicePropError {
  return new AppServicePropError(prop, `${prop} must be ${range}, got ${value}.`);
}

/** A CPU and memory pair that Fargate does not offer. */
export function invalidFargateSize(
  cpu: number,
  memoryMiB: number,
  allowedMemory: readonly number[] | undefined,
): AppServicePropError {
  const hint = allowedMemory
    ? `with cpu ${cpu}, memoryMiB must be one of ${allowedMemory.join(', ')}`
    : `cpu must be one of 256, 512, 1024, 2048, 4096, 8192 or 16384`;
  return new AppServicePropError(
    allowedMemory ? 'memoryMiB' : 'cpu',
    `Fargate has no task size of cpu ${cpu} and memoryMiB ${memoryMiB}: ${hint}.`,
  );
}

/** A health check path that the ALB would reject or that cannot name a route. */
export function invalidHealthCheckPath(value: string): AppServicePropError {
  return new AppServicePropError(
    'healthCheckPath',
    `healthCheckPath must start with '/' and be at most 1024 URL path characters, without ` +
      `spaces, quotes, backslashes or '$', got "${value}".`,
  );
}

/** An idle timeout that would let the ALB reuse connections the service has closed. */
export function idleTimeoutNotBelowKeepAlive(
  value: number,
  keepAliveSeconds: number,
): AppServicePropError {
  return new AppServicePropError(
    'idleTimeoutSeconds',
    `idleTimeoutSeconds must be a whole number from 1 to ${keepAliveSeconds - 1}, below the ` +
      `service's keep-alive timeout of ${keepAliveSeconds} s (otherwise the ALB reuses ` +
      `connections the service has closed and callers get 502s), got ${value}.`,
  );
}

/** Autoscaling bounds that cannot hold: min above max, or a negative bound. */
export function invalidAutoScalingRange(min: number, max: number): AppServicePropError {
  return new AppServicePropError(
    'autoScaling',
    `autoScaling.minCapacity must be a whole number from 0 to autoScaling.maxCapacity, and ` +
      `maxCapacity at least 1, got minCapacity ${min} and maxCapacity ${max}.`,
  );
}

/** A log retention CloudWatch Logs does not offer. */
export function invalidLogRetention(value: number, allowed: readonly number[]) {
  return new AppServicePropError(
    'logRetentionDays',
    `logRetentionDays must be one of CloudWatch Logs' retention periods ` +
      `(${allowed.join(', ')}), got ${value}.`,
  );
}

/** A caller variable that would override one the construct sets for a reason. */
export function reservedEnvironmentVariable(name: string): AppServicePropError {
  return new AppServicePropError(
    'environment',
    `environment must not set ${name}: the construct sets it from containerPort and the ` +
      `network, so that the service, the target group and the security groups agree.`,
  );
}

/** An environment variable name the container runtime would not pass through. */
export function invalidEnvironmentName(name: string): AppServicePropError {
  return new AppServicePropError(
    'environment',
    `environment variable names must be letters, digits and '_' and not start with a digit, ` +
      `got "${name}".`,
  );
}

/** A name too long or too odd to prefix an ALB, a target group or a cluster. */
export function invalidName(value: string): AppServicePropError {
  return new AppServicePropError(
    'name',
    `name must be 1 to 26 letters, digits or '-', starting with a letter and not ending with ` +
      `'-' (an ALB or target group name is at most 32 characters, and the construct adds ` +
      `suffixes), got "${value}".`,
  );
}

/** The ALB needs two zones' worth of public subnets, and the service at least one subnet. */
export function tooFewSubnets(prop: string, count: number, minimum: number) {
  return new AppServicePropError(
    prop,
    `${prop} must list at least ${minimum} subnet(s)` +
      `${minimum > 1 ? ' in distinct availability zones' : ''}, got ${count}.`,
  );
}

/** A certificate prop that is not an ACM ARN. */
export function invalidCertificateArn(value: string): AppServicePropError {
  return new AppServicePropError(
    'certificateArn',
    `certificateArn must be an ACM certificate ARN such as ` +
      `"arn:aws:acm:eu-west-1:123456789012:certificate/<id>", got "${value}".`,
  );
}
