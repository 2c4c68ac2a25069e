import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { InfraConfigError } from './config-error';
import { parseInfraConfig, type InfraConfig } from './config';

/** Path of the per-environment settings file, beside this app's cdktf.json. */
export const ENVIRONMENTS_FILE = join(import.meta.dir, '..', 'environments.json');

/** Reads environments.json and the environment variables into a checked configuration. */
export function loadInfraConfig(
  env: Readonly<Record<string, string | undefined>>,
  file: string = ENVIRONMENTS_FILE,
): InfraConfig {
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new InfraConfigError(
      `Cannot read ${file}: ${(error as Error).message}. It must be JSON such as ` +
        `{ "dev": { "desiredCount": 2 } }.`,
    );
  }
  return parseInfraConfig(env, parsed);
}
