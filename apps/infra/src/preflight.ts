import { resolveImageReference, type ImageReference } from '@simple-time-service/container-image';
import { join } from 'node:path';
import { loadInfraConfig } from './load-config';

/** The Terraform-backed actions a preflight guards. */
export type InfraAction = 'plan' | 'deploy' | 'destroy';

/** What the preflight reads; injectable so that tests do not depend on the machine. */
export interface PreflightInput {
  /** The action about to run. */
  readonly action: InfraAction;
  /** Environment variables. */
  readonly env: Readonly<Record<string, string | undefined>>;
  /** Returns the path of an executable on PATH, or undefined. */
  readonly which: (name: string) => string | undefined;
  /** Tells whether a file exists. */
  readonly fileExists: (path: string) => boolean;
  /** Names the image a deploy would run; throws when it cannot. */
  readonly resolveImage?: () => ImageReference;
  /** Reads the configuration; throws when it is wrong. @default loadInfraConfig */
  readonly loadConfig?: typeof loadInfraConfig;
}

/** What the preflight found. */
export interface PreflightResult {
  /** Everything that must be fixed first, each a full sentence that says how. */
  readonly problems: readonly string[];
  /** Path of the Terraform or OpenTofu binary, when one was found. */
  readonly terraformBinary?: string;
  /** Where the AWS credentials seem to come from, when they were found. */
  readonly credentialSource?: string;
  /** The stack the action will act on, when the configuration is valid. */
  readonly stackName?: string;
  /** The image a deploy will run, when it could be named. */
  readonly image?: ImageReference;
}

const INSTALL_TERRAFORM =
  'Terraform or OpenTofu (1.10 or later) is not on PATH: install Terraform ' +
  '(https://developer.hashicorp.com/terraform/install) or OpenTofu ' +
  '(https://opentofu.org/docs/intro/install/), or set TERRAFORM_BINARY_NAME to its path.';

const SET_CREDENTIALS =
  'No AWS credentials found: set AWS_PROFILE (after `aws configure` or `aws sso login`), ' +
  'or AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, or AWS_ROLE_ARN and ' +
  'AWS_WEB_IDENTITY_TOKEN_FILE (CI with OIDC). On an EC2 instance or in a container whose ' +
  'role supplies credentials, set INFRA_SKIP_CREDENTIALS_CHECK=1.';

/**
 * Checks, before anything is pushed or changed, that the tools and settings the action needs
 * are there: a Terraform binary, AWS credentials, a valid configuration and, for a deploy, an
 * image repository to push to. It reports every problem at once, not only the first.
 */
export function runPreflight(input: PreflightInput): PreflightResult {
  const problems: string[] = [];

  const terraformBinary = findTerraform(input);
  if (!terraformBinary) {
    const named = input.env.TERRAFORM_BINARY_NAME?.trim();
    problems.push(
      named
        ? `TERRAFORM_BINARY_NAME is "${named}", which is not an executable on PATH: ` +
            `install Terraform or OpenTofu, or point TERRAFORM_BINARY_NAME at it.`
        : INSTALL_TERRAFORM,
    );
  }

  const credentials = findCredentials(input);
  if ('problem' in credentials) {
    problems.push(credentials.problem);
  }

  let stackName: string | undefined;
  try {
    stackName = (input.loadConfig ?? loadInfraConfig)(input.env).selected.stackName;
  } catch (error) {
    problems.push((error as Error).message);
  }

  let image: ImageReference | undefined;
  if (input.action === 'deploy') {
    try {
      image = (input.resolveImage ?? (() => resolveImageReference({ requireRepository: true })))();
      if (image.dirty) {
        problems.push(
          `The image tag ${image.tag} marks uncommitted changes, and a deploy must run an ` +
            `image that names its commit: commit or stash the changes, or set IMAGE_TAG.`,
        );
      }
    } catch (error) {
      problems.push((error as Error).message);
    }
  }

  return {
    problems,
    terraformBinary,
    credentialSource: 'source' in credentials ? credentials.source : undefined,
    stackName,
    image,
  };
}

/** The preflight's findings as the lines a person reads before the target stops. */
export function formatPreflightReport(action: InfraAction, result: PreflightResult): string {
  if (result.problems.length === 0) {
    return (
      `infra:${action} preflight passed: ${result.terraformBinary}, credentials from ` +
      `${result.credentialSource}, stack ${result.stackName}` +
      `${result.image ? `, image ${result.image.reference}` : ''}.`
    );
  }

  return [
    `infra:${action} stopped before changing anything; fix the following and run it again:`,
    ...result.problems.map((problem) => `  - ${problem}`),
  ].join('\n');
}

function findTerraform(input: PreflightInput): string | undefined {
  const named = input.env.TERRAFORM_BINARY_NAME?.trim();
  if (named) {
    return input.which(named);
  }
  return input.which('terraform') ?? input.which('tofu');
}

function findCredentials(input: PreflightInput): { source: string } | { problem: string } {
  const env = input.env;
  if (env.INFRA_SKIP_CREDENTIALS_CHECK === '1') {
    return { source: 'the environment (check skipped by INFRA_SKIP_CREDENTIALS_CHECK)' };
  }

  if (env.AWS_ACCESS_KEY_ID || env.AWS_SECRET_ACCESS_KEY) {
    const missing = ['AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY'].filter((name) => !env[name]);
    return missing.length === 0
      ? { source: 'AWS_ACCESS_KEY_ID' }
      : { problem: `${missing.join(' and ')} is not set, but its pair is: set both or neither.` };
  }
  if (env.AWS_WEB_IDENTITY_TOKEN_FILE || env.AWS_ROLE_ARN) {
    const missing = ['AWS_ROLE_ARN', 'AWS_WEB_IDENTITY_TOKEN_FILE'].filter((name) => !env[name]);
    return missing.length === 0
      ? { source: 'AWS_WEB_IDENTITY_TOKEN_FILE' }
      : { problem: `${missing.join(' and ')} is not set, but its pair is: set both or neither.` };
  }
  if (env.AWS_PROFILE) {
    return { source: `AWS_PROFILE=${env.AWS_PROFILE}` };
  }
  if (env.AWS_CONTAINER_CREDENTIALS_RELATIVE_URI || env.AWS_CONTAINER_CREDENTIALS_FULL_URI) {
    return { source: 'the container credentials endpoint' };
  }

  const home = env.HOME ?? '';
  const files = [
    env.AWS_SHARED_CREDENTIALS_FILE ?? join(home, '.aws', 'credentials'),
    env.AWS_CONFIG_FILE ?? join(home, '.aws', 'config'),
  ];
  const file = files.find((path) => input.fileExists(path));
  return file ? { source: file } : { problem: SET_CREDENTIALS };
}
