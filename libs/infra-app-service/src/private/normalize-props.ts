import {
  CONTAINER_PORT,
  CONTAINER_STOP_TIMEOUT_SECONDS,
  HEALTH_CHECK_PATH,
  LOAD_BALANCER_IDLE_TIMEOUT_SECONDS,
  SERVICE_KEEP_ALIVE_SECONDS,
} from '@simple-time-service/service-contract';
import { Token } from 'cdktf';
import type { AppServiceProps, CpuArchitecture } from '../app-service';
import {
  idleTimeoutNotBelowKeepAlive,
  invalidAutoScalingRange,
  invalidCertificateArn,
  invalidEnvironmentName,
  invalidFargateSize,
  invalidHealthCheckPath,
  invalidLogRetention,
  invalidName,
  outOfRange,
  reservedEnvironmentVariable,
  tooFewSubnets,
} from '../errors';
import { FARGATE_MEMORY_BY_CPU, isFargateSize } from './fargate-sizes';
import { LOG_RETENTION_DAYS } from '@simple-time-service/infra-common';

/** Variables the construct sets itself; a caller's value would break the wiring. */
export const RESERVED_ENVIRONMENT = ['PORT', 'TRUST_PROXY'] as const;

/** Autoscaling settings with every default applied. */
export interface NormalizedAutoScaling {
  readonly minCapacity: number;
  readonly maxCapacity: number;
  readonly targetCpuPercent: number;
  readonly targetRequestsPerTarget: number;
}

/** `AppServiceProps` with every default applied and every value checked. */
export interface NormalizedAppServiceProps {
  readonly name: string;
  readonly containerPort: number;
  readonly cpu: number;
  readonly memoryMiB: number;
  readonly desiredCount: number;
  readonly cpuArchitecture: CpuArchitecture;
  readonly healthCheckPath: string;
  readonly healthCheckGracePeriodSeconds: number;
  readonly idleTimeoutSeconds: number;
  readonly deregistrationDelaySeconds: number;
  readonly stopTimeoutSeconds: number;
  readonly certificateArn?: string;
  readonly sslPolicy: string;
  readonly autoScaling?: NormalizedAutoScaling;
  readonly logRetentionDays: number;
  readonly environment: Readonly<Record<string, string>>;
  readonly containerInsights: 'enabled' | 'enhanced' | 'disabled';
  readonly deletionProtection: boolean;
  readonly tags: Readonly<Record<string, string>>;
}

/** TLS policy for the HTTPS listener: TLS 1.3, with TLS 1.2 for older clients. */
export const DEFAULT_SSL_POLICY = 'ELBSecurityPolicy-TLS13-1-2-2021-06';

const NAME_PATTERN = /^[A-Za-z](?:[A-Za-z0-9-]{0,24}[A-Za-z0-9])?$/;
// URL path characters without quotes, backslashes or '$': the path ends up in a shell-free
// command string, in JSON and in Terraform, where '${' would start an interpolation.
const HEALTH_PATH_PATTERN = /^\/[A-Za-z0-9._~%/?=&+,;:@!*()-]{0,1023}$/;
const ENV_NAME_PATTERN = /^[A-Za-z_][A-Za-z0-9_]*$/;
const ACM_ARN_PATTERN = /^arn:aws[a-z-]*:acm:[a-z0-9-]+:\d{12}:certificate\/[A-Za-z0-9-]+$/;

/**
 * Applies defaults and validates every prop before any resource exists, so a bad value fails
 * the synth with a message about that prop instead of a Terraform or ECS error at deploy time.
 */
export function normalizeAppServiceProps(
  id: string,
  props: AppServiceProps,
): NormalizedAppServiceProps {
  const name = props.name ?? id;
  if (!NAME_PATTERN.test(name)) {
    throw invalidName(name);
  }

  checkSubnets('network.publicSubnetIds', props.network.publicSubnetIds, 2);
  checkSubnets('network.privateSubnetIds', props.network.privateSubnetIds, 1);

  const containerPort = props.containerPort ?? CONTAINER_PORT;
  checkInteger('containerPort', containerPort, 1, 65535);

  const cpu = props.cpu ?? 256;
  const memoryMiB = props.memoryMiB ?? 512;
  if (!isFargateSize(cpu, memoryMiB)) {
    throw invalidFargateSize(cpu, memoryMiB, FARGATE_MEMORY_BY_CPU.get(cpu));
  }

  const desiredCount = props.desiredCount ?? 2;
  checkInteger('desiredCount', desiredCount, 0, 10000);

  const healthCheckPath = props.healthCheckPath ?? HEALTH_CHECK_PATH;
  if (!HEALTH_PATH_PATTERN.test(healthCheckPath)) {
    throw invalidHealthCheckPath(healthCheckPath);
  }

  const idleTimeoutSeconds = props.idleTimeoutSeconds ?? LOAD_BALANCER_IDLE_TIMEOUT_SECONDS;
  if (
    !Number.isInteger(idleTimeoutSeconds) ||
    idleTimeoutSeconds < 1 ||
    idleTimeoutSeconds >= SERVICE_KEEP_ALIVE_SECONDS
  ) {
    throw idleTimeoutNotBelowKeepAlive(idleTimeoutSeconds, SERVICE_KEEP_ALIVE_SECONDS);
  }

  const healthCheckGracePeriodSeconds = props.healthCheckGracePeriodSeconds ?? 30;
  checkInteger('healthCheckGracePeriodSeconds', healthCheckGracePeriodSeconds, 0, 2147483647);
  const deregistrationDelaySeconds = props.deregistrationDelaySeconds ?? 15;
  checkInteger('deregistrationDelaySeconds', deregistrationDelaySeconds, 0, 3600);
  const stopTimeoutSeconds = props.stopTimeoutSeconds ?? CONTAINER_STOP_TIMEOUT_SECONDS;
  checkInteger('stopTimeoutSeconds', stopTimeoutSeconds, 2, 120);

  const certificateArn = props.certificateArn;
  if (
    certificateArn !== undefined &&
    !Token.isUnresolved(certificateArn) &&
    !ACM_ARN_PATTERN.test(certificateArn)
  ) {
    throw invalidCertificateArn(certificateArn);
  }

  const logRetentionDays = props.logRetentionDays ?? 30;
  if (!LOG_RETENTION_DAYS.includes(logRetentionDays)) {
    throw invalidLogRetention(logRetentionDays, LOG_RETENTION_DAYS);
  }

  const environment = props.environment ?? {};
  checkEnvironment(environment);

  return {
    name,
    containerPort,
    cpu,
    memoryMiB,
    desiredCount,
    cpuArchitecture: props.cpuArchitecture ?? 'X86_64',
    healthCheckPath,
    healthCheckGracePeriodSeconds,
    idleTimeoutSeconds,
    deregistrationDelaySeconds,
    stopTimeoutSeconds,
    certificateArn,
    sslPolicy: props.sslPolicy ?? DEFAULT_SSL_POLICY,
    autoScaling: props.autoScaling && normalizeAutoScaling(props.autoScaling),
    logRetentionDays,
    environment,
    containerInsights: props.containerInsights ?? 'enabled',
    deletionProtection: props.deletionProtection ?? false,
    tags: props.tags ?? {},
  };
}

function normalizeAutoScaling(
  autoScaling: NonNullable<AppServiceProps['autoScaling']>,
): NormalizedAutoScaling {
  const { minCapacity, maxCapacity } = autoScaling;
  if (
    !Number.isInteger(minCapacity) ||
    !Number.isInteger(maxCapacity) ||
    minCapacity < 0 ||
    maxCapacity < 1 ||
    minCapacity > maxCapacity
  ) {
    throw invalidAutoScalingRange(minCapacity, maxCapacity);
  }

  const targetCpuPercent = autoScaling.targetCpuPercent ?? 60;
  checkInteger('autoScaling.targetCpuPercent', targetCpuPercent, 10, 90);
  const targetRequestsPerTarget = autoScaling.targetRequestsPerTarget ?? 1000;
  checkInteger('autoScaling.targetRequestsPerTarget', targetRequestsPerTarget, 1, 1_000_000);

  return { minCapacity, maxCapacity, targetCpuPercent, targetRequestsPerTarget };
}

function checkInteger(prop: string, value: number, min: number, max: number): void {
  if (!Number.isInteger(value) || value < min || value > max) {
    throw outOfRange(prop, value, `a whole number from ${min} to ${max}`);
  }
}

// A token stands for a list whose length is only known at plan time; only literal lists
// can be counted here.
function checkSubnets(prop: string, subnetIds: readonly string[], minimum: number): void {
  if (!Token.isUnresolved(subnetIds) && subnetIds.length < minimum) {
    throw tooFewSubnets(prop, subnetIds.length, minimum);
  }
}

function checkEnvironment(environment: Readonly<Record<string, string>>): void {
  for (const name of Object.keys(environment)) {
    if ((RESERVED_ENVIRONMENT as readonly string[]).includes(name)) {
      throw reservedEnvironmentVariable(name);
    }
    if (!ENV_NAME_PATTERN.test(name)) {
      throw invalidEnvironmentName(name);
    }
  }
}
