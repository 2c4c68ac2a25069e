import { describe, expect, it } from 'bun:test';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CONTAINER_PORT } from '@simple-time-service/service-contract';
import { BUILD_OUTPUT_DIR } from './commands';
import {
  HEALTH_CHECK_COMMAND,
  HEALTH_CHECK_INTERVAL_SECONDS,
  HEALTH_CHECK_RETRIES,
  HEALTH_CHECK_START_PERIOD_SECONDS,
  HEALTH_CHECK_TIMEOUT_SECONDS,
} from './health-check';

// The Dockerfile cannot import the values it shares with the code, so these tests hold the
// two in step: change one side and they fail until the other follows.
const root = join(import.meta.dir, '../../..');
const instructions = readFileSync(join(root, 'Dockerfile'), 'utf8')
  .replace(/\\\n/g, ' ')
  .split('\n')
  .filter((line) => line.trim() !== '' && !line.startsWith('#'))
  .map((line) => line.replace(/\s+/g, ' ').trim());

function instruction(keyword: string): string[] {
  return instructions
    .filter((line) => line.startsWith(`${keyword} `))
    .map((line) => line.slice(keyword.length + 1));
}

function argDefault(name: string): string | undefined {
  const arg = instruction('ARG').find((value) => value.startsWith(`${name}=`));
  return arg?.slice(name.length + 1);
}

describe('Dockerfile', () => {
  it('pins the Bun version of the workspace, so the image runs the Bun the tests ran', () => {
    const packageJson = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));

    expect(argDefault('BUN_VERSION')).toBe(packageJson.devDependencies.bun);
    expect(instruction('FROM')).toEqual(['docker.io/oven/bun:${BUN_VERSION}-slim']);
  });

  it('defaults CONTAINER_PORT to the contract port and exposes it', () => {
    expect(argDefault('CONTAINER_PORT')).toBe(String(CONTAINER_PORT));
    expect(instruction('EXPOSE')).toEqual(['${CONTAINER_PORT}']);
  });

  it('copies only the build output', () => {
    expect(instruction('COPY')).toEqual([`${BUILD_OUTPUT_DIR}/ ./`]);
    expect(instruction('ADD')).toEqual([]);
  });

  it('switches to the non-root bun user after copying', () => {
    expect(instruction('USER')).toEqual(['bun']);
    expect(instructions.findIndex((line) => line.startsWith('USER '))).toBeGreaterThan(
      instructions.findIndex((line) => line.startsWith('COPY ')),
    );
  });

  it('starts Bun in exec form, so that SIGTERM reaches it', () => {
    expect(instruction('CMD').map((value) => JSON.parse(value))).toEqual([['bun', 'main.js']]);
  });

  it('runs HEALTH_CHECK_COMMAND with the exported timings', () => {
    const [healthcheck] = instruction('HEALTHCHECK');
    const [, options = '', command = ''] = /^(.*?) CMD (\[.*\])$/.exec(healthcheck ?? '') ?? [];

    expect(['CMD', ...JSON.parse(command)]).toEqual([...HEALTH_CHECK_COMMAND]);
    expect(options.split(' ')).toEqual([
      `--interval=${HEALTH_CHECK_INTERVAL_SECONDS}s`,
      `--timeout=${HEALTH_CHECK_TIMEOUT_SECONDS}s`,
      `--start-period=${HEALTH_CHECK_START_PERIOD_SECONDS}s`,
      `--retries=${HEALTH_CHECK_RETRIES}`,
    ]);
  });
});

describe('.dockerignore', () => {
  const rules = readFileSync(join(root, '.dockerignore'), 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '' && !line.startsWith('#'));

  it('excludes everything, then lets in only the build output', () => {
    expect(rules[0]).toBe('*');
    expect(rules.filter((rule) => rule.startsWith('!'))).toEqual([`!${BUILD_OUTPUT_DIR}/`]);
  });
});
