import { InfraConfigError } from './config-error';

/**
 * What one environment may set in `environments.json`. Each field is passed to the
 * constructs, which apply their documented defaults and check the values.
 */
export interface EnvironmentSettings {
  /** AWS region of the stack; wins over AWS_REGION. @default - AWS_REGION, else eu-west-1 */
  readonly region?: string;
  /** VPC range. @default '10.0.0.0/16' */
  readonly vpcCidr?: string;
  /** Availability zones. @default 2 */
  readonly zoneCount?: number;
  /** NAT gateways, 1 shared or one per zone. @default 1 */
  readonly natGateways?: number;
  /** VPC flow logs to CloudWatch. @default false */
  readonly flowLogs?: boolean;
  /** Tasks to run. @default 2 */
  readonly desiredCount?: number;
  /** CPU units per task. @default 256 */
  readonly cpu?: number;
  /** Memory per task in MiB. @default 512 */
  readonly memoryMiB?: number;
  /** Task CPU architecture; the image must match. @default 'X86_64' */
  readonly cpuArchitecture?: 'X86_64' | 'ARM64';
  /** Autoscaling bounds. @default - a fixed desiredCount */
  readonly autoScaling?: { readonly minCapacity: number; readonly maxCapacity: number };
  /** ACM certificate ARN for HTTPS. @default - HTTP only */
  readonly certificateArn?: string;
  /** Host name that points at the ALB. @default - the ALB's DNS name */
  readonly domainName?: string;
  /** Container log retention in days. @default 30 */
  readonly logRetentionDays?: number;
  /** ALB deletion protection. @default false */
  readonly deletionProtection?: boolean;
}

type FieldKind = 'string' | 'number' | 'boolean' | 'architecture' | 'autoScaling';

const FIELDS: Readonly<Record<keyof EnvironmentSettings, FieldKind>> = {
  region: 'string',
  vpcCidr: 'string',
  zoneCount: 'number',
  natGateways: 'number',
  flowLogs: 'boolean',
  desiredCount: 'number',
  cpu: 'number',
  memoryMiB: 'number',
  cpuArchitecture: 'architecture',
  autoScaling: 'autoScaling',
  certificateArn: 'string',
  domainName: 'string',
  logRetentionDays: 'number',
  deletionProtection: 'boolean',
};

/**
 * Checks the shape of one environment's settings: known fields with the right types. Unknown
 * fields are errors, so a misspelt `desiredcount` cannot be silently ignored.
 */
export function parseEnvironmentSettings(where: string, value: unknown): EnvironmentSettings {
  if (!isRecord(value)) {
    throw new InfraConfigError(`${where} must be an object of settings, got ${show(value)}.`);
  }

  for (const [field, fieldValue] of Object.entries(value)) {
    const kind = FIELDS[field as keyof EnvironmentSettings];
    if (!kind) {
      throw new InfraConfigError(
        `${where}.${field} is not a setting; known settings are ` +
          `${Object.keys(FIELDS).join(', ')}.`,
      );
    }
    if (!hasKind(fieldValue, kind)) {
      throw new InfraConfigError(
        `${where}.${field} must be ${describeKind(kind)}, got ${show(fieldValue)}.`,
      );
    }
  }
  return value as EnvironmentSettings;
}

function hasKind(value: unknown, kind: FieldKind): boolean {
  switch (kind) {
    case 'architecture':
      return value === 'X86_64' || value === 'ARM64';
    case 'autoScaling':
      return (
        isRecord(value) &&
        Object.keys(value).every((key) => key === 'minCapacity' || key === 'maxCapacity') &&
        typeof value.minCapacity === 'number' &&
        typeof value.maxCapacity === 'number'
      );
    default:
      return typeof value === kind;
  }
}

function describeKind(kind: FieldKind): string {
  switch (kind) {
    case 'architecture':
      return '"X86_64" or "ARM64"';
    case 'autoScaling':
      return 'an object { "minCapacity": number, "maxCapacity": number }';
    default:
      return `a ${kind}`;
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function show(value: unknown): string {
  return JSON.stringify(value) ?? String(value);
}
