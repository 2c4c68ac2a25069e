import { InfraConfigError } from './config-error';
import { parseEnvironmentSettings, type EnvironmentSettings } from './environment-settings';

/** Region used when neither the environment's settings nor AWS_REGION name one. */
export const DEFAULT_REGION = 'eu-west-1';

/** Environment that `plan`, `deploy` and `destroy` act on when INFRA_ENVIRONMENT is unset. */
export const DEFAULT_ENVIRONMENT = 'dev';

/** Prefix of the state object's key in the S3 backend, when TF_BACKEND_S3_KEY_PREFIX is unset. */
export const DEFAULT_STATE_KEY_PREFIX = 'simple-time-service';

/** Where Terraform keeps the state of one stack. */
export type BackendConfig =
  | { readonly kind: 'local' }
  | {
      readonly kind: 's3';
      /** Bucket that holds the state objects. */
      readonly bucket: string;
      /** Region of the bucket. */
      readonly region: string;
      /** Key of the state object. */
      readonly key: string;
    };

/** Everything one stack is built from. */
export interface StackConfig {
  /** Environment name, such as `dev`. */
  readonly environment: string;
  /** Terraform stack name, `time-service-<environment>`. */
  readonly stackName: string;
  /** AWS region the stack deploys to. */
  readonly region: string;
  /** Where the stack's state lives. */
  readonly backend: BackendConfig;
  /** The environment's settings from environments.json. */
  readonly settings: EnvironmentSettings;
}

/** The whole configuration of the infra app. */
export interface InfraConfig {
  /** One entry per environment in environments.json, in file order. */
  readonly stacks: readonly StackConfig[];
  /** The stack `plan`, `deploy` and `destroy` act on (INFRA_ENVIRONMENT). */
  readonly selected: StackConfig;
}

const ENVIRONMENT_PATTERN = /^[a-z][a-z0-9]{0,11}$/;
const REGION_PATTERN = /^[a-z]{2}(?:-gov|-iso[a-z]?)?-[a-z]+-\d$/;
const BUCKET_PATTERN = /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/;

/** Terraform stack name of an environment. */
export function stackNameFor(environment: string): string {
  return `time-service-${environment}`;
}

/**
 * Reads the infra app's configuration from environment variables and the parsed
 * environments.json, and checks all of it before any construct is built.
 */
export function parseInfraConfig(
  env: Readonly<Record<string, string | undefined>>,
  environmentsFile: unknown,
): InfraConfig {
  const environments = parseEnvironments(environmentsFile);
  const defaultRegion = parseRegion(
    'AWS_REGION',
    env.AWS_REGION?.trim() || env.AWS_DEFAULT_REGION?.trim() || DEFAULT_REGION,
  );

  const stacks = Object.entries(environments).map(([environment, settings]) => {
    const region = settings.region
      ? parseRegion(`environments.json ${environment}.region`, settings.region)
      : defaultRegion;
    const stackName = stackNameFor(environment);
    return {
      environment,
      stackName,
      region,
      settings,
      backend: parseBackend(env, stackName, region),
    };
  });

  const selectedName = env.INFRA_ENVIRONMENT?.trim() || DEFAULT_ENVIRONMENT;
  const selected = stacks.find((stack) => stack.environment === selectedName);
  if (!selected) {
    throw new InfraConfigError(
      `INFRA_ENVIRONMENT must name an environment of apps/infra/environments.json ` +
        `(${stacks.map((stack) => stack.environment).join(', ')}), got "${selectedName}".`,
    );
  }
  return { stacks, selected };
}

function parseEnvironments(file: unknown): Record<string, EnvironmentSettings> {
  if (typeof file !== 'object' || file === null || Array.isArray(file)) {
    throw new InfraConfigError(
      'environments.json must be an object whose keys are environment names, such as ' +
        '{ "dev": { "desiredCount": 2 } }.',
    );
  }

  const environments: Record<string, EnvironmentSettings> = {};
  for (const [name, settings] of Object.entries(file)) {
    if (!ENVIRONMENT_PATTERN.test(name)) {
      throw new InfraConfigError(
        `environments.json keys must be 1 to 12 lowercase letters and digits, starting with ` +
          `a letter (they end up in AWS resource names), got "${name}".`,
      );
    }
    environments[name] = parseEnvironmentSettings(`environments.json ${name}`, settings);
  }

  if (Object.keys(environments).length === 0) {
    throw new InfraConfigError('environments.json must define at least one environment.');
  }
  return environments;
}

function parseRegion(source: string, value: string): string {
  if (!REGION_PATTERN.test(value)) {
    throw new InfraConfigError(
      `${source} must be an AWS region name such as "eu-west-1", got "${value}".`,
    );
  }
  return value;
}

function parseBackend(
  env: Readonly<Record<string, string | undefined>>,
  stackName: string,
  stackRegion: string,
): BackendConfig {
  const bucket = env.TF_BACKEND_S3_BUCKET?.trim();
  if (!bucket) {
    return { kind: 'local' };
  }

  if (!BUCKET_PATTERN.test(bucket)) {
    throw new InfraConfigError(
      `TF_BACKEND_S3_BUCKET must be an S3 bucket name (3 to 63 lowercase letters, digits, ` +
        `'.' or '-'), got "${bucket}".`,
    );
  }
  const region = parseRegion(
    'TF_BACKEND_S3_REGION',
    env.TF_BACKEND_S3_REGION?.trim() || stackRegion,
  );
  const prefix = (env.TF_BACKEND_S3_KEY_PREFIX?.trim() || DEFAULT_STATE_KEY_PREFIX).replace(
    /\/+$/,
    '',
  );
  return { kind: 's3', bucket, region, key: `${prefix}/${stackName}.tfstate` };
}
