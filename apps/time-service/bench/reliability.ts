/**
 * The reliability suite: a soak, a shutdown under load, and the bad-input corpus, each
 * against the built service started as the container starts it. Prints every check, writes
 * docs/reliability.md, ends with "N passed, N failed" and exits 1 when anything failed.
 * Run it through `npx nx run time-service:reliability`; settings in docs/reliability.md.
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';

import { SHUTDOWN_GRACE_SECONDS } from '@simple-time-service/service-contract';

import { loadCorpus } from './lib/corpus';
import { writeGeneratedSection } from './lib/doc-section';
import { describeMachine } from './lib/machine';
import { readSettingsOrExit, wrkClientSettings } from './lib/options';
import { startServer, type RunningServer, type ServerCommand } from './lib/server-process';
import { SERVICE_BUNDLE } from './lib/servers';
import { ensureAptPackages, WRK } from './lib/tools';
import { runCase, type CaseResult } from './reliability/bad-input';
import { renderReliabilityReport } from './reliability/report';
import { runShutdownUnderLoad, type ShutdownOptions } from './reliability/shutdown';
import { runSoak, type SoakOptions } from './reliability/soak';

const WORKSPACE_ROOT = resolve(import.meta.dir, '../../..');
const CORPUS_DIR = join(import.meta.dir, 'corpus');

const settings = readSettingsOrExit({
  soakSeconds: { flag: 'soak', env: 'RELIABILITY_SOAK', defaultValue: 30, min: 1, max: 600 },
  soakWarmupSeconds: {
    flag: 'soak-warmup',
    env: 'RELIABILITY_SOAK_WARMUP',
    defaultValue: 5,
    min: 0,
    max: 60,
  },
  ...wrkClientSettings('RELIABILITY'),
  maxGrowthPercent: {
    flag: 'max-growth',
    env: 'RELIABILITY_MAX_GROWTH',
    defaultValue: 20,
    min: 1,
    max: 1000,
  },
  fastClients: {
    flag: 'fast-clients',
    env: 'RELIABILITY_FAST_CLIENTS',
    defaultValue: 48,
    min: 1,
    max: 512,
  },
  slowClients: {
    flag: 'slow-clients',
    env: 'RELIABILITY_SLOW_CLIENTS',
    defaultValue: 16,
    min: 0,
    max: 256,
  },
  slowGapMs: {
    flag: 'slow-gap',
    env: 'RELIABILITY_SLOW_GAP_MS',
    defaultValue: 500,
    min: 10,
    max: 5000,
  },
  caseTimeoutMs: {
    flag: 'case-timeout',
    env: 'RELIABILITY_CASE_TIMEOUT_MS',
    defaultValue: 1500,
    min: 200,
    max: 10_000,
  },
  write: { flag: 'write', env: 'RELIABILITY_WRITE', defaultValue: 1, min: 0, max: 1 },
});

/** The service as the container runs it: the bundle under bun, defaults, stdout discarded. */
const SERVICE: ServerCommand = {
  argv: [process.execPath, join(WORKSPACE_ROOT, SERVICE_BUNDLE)],
  env: { LOG_LEVEL: undefined, TRUST_PROXY: undefined },
};

await main();

async function main(): Promise<void> {
  if (!existsSync(join(WORKSPACE_ROOT, SERVICE_BUNDLE))) {
    throw new Error(
      `${SERVICE_BUNDLE} does not exist; build it with "npx nx build time-service" ` +
        '(the reliability target does this first)',
    );
  }
  ensureAptPackages([WRK]);
  const corpus = loadCorpus(CORPUS_DIR);

  const cases = [
    ...(await runCorpus('default', SERVICE, corpus, '127.0.0.1')),
    // With a proxy trusted the answer may come from the header, but never garbage from it.
    ...(await runCorpus(
      'TRUST_PROXY=1',
      { ...SERVICE, env: { ...SERVICE.env, TRUST_PROXY: '1' } },
      corpus.filter((each) => each.source.startsWith('forwarded-for.txt')),
    )),
  ];

  const soakOptions: SoakOptions = {
    durationSeconds: settings.soakSeconds,
    warmupSeconds: settings.soakWarmupSeconds,
    connections: settings.connections,
    threads: settings.threads,
    maxGrowthPercent: settings.maxGrowthPercent,
  };
  const soak = await withServer(SERVICE, (server) => runSoak(server, soakOptions));
  report('soak', soak.problems.length === 0, soak.problems.join('; ') || describeSoak(soak));

  const shutdownOptions: ShutdownOptions = {
    fastClients: settings.fastClients,
    slowClients: settings.slowClients,
    slowGapMs: settings.slowGapMs,
    loadBeforeSignalMs: 2000,
    exitDeadlineMs: (SHUTDOWN_GRACE_SECONDS + 5) * 1000,
  };
  const server = await startServer(SERVICE);
  const shutdown = await runShutdownUnderLoad(server, shutdownOptions);
  report(
    'shutdown under load',
    shutdown.passed,
    shutdown.failures.join('; ') ||
      `${shutdown.answered} answered, exit ${shutdown.exit.exitCode} after ` +
        `${Math.round(shutdown.exit.elapsedMs)} ms`,
  );

  const failed =
    cases.filter((each) => !each.result.passed).length +
    (soak.problems.length > 0 ? 1 : 0) +
    (shutdown.passed ? 0 : 1);
  const passed = cases.length + 2 - failed;

  if (settings.write === 1) {
    const path = join(WORKSPACE_ROOT, 'docs', 'reliability.md');
    const markdown = renderReliabilityReport({
      command: describeCommand(),
      date: new Date().toISOString(),
      facts: [...describeMachine(), { name: 'Bun', value: Bun.version }],
      soak: { options: soakOptions, result: soak },
      shutdown: { options: shutdownOptions, result: shutdown },
      cases,
      passed,
      failed,
    });
    await writeGeneratedSection(path, 'reliability', 'Reliability', markdown);
    console.log(`Wrote ${path}`);
  }

  console.log(`${passed} passed, ${failed} failed`);
  process.exitCode = failed === 0 ? 0 : 1;
}

async function runCorpus(
  label: string,
  command: ServerCommand,
  corpus: ReturnType<typeof loadCorpus>,
  expectedIp?: string,
): Promise<{ server: string; result: CaseResult }[]> {
  return withServer(command, async (server) => {
    let alive = true;
    void server.exited.then(() => {
      alive = false;
    });

    const results: { server: string; result: CaseResult }[] = [];
    for (const testCase of corpus) {
      const result = await runCase(
        {
          port: server.port,
          timeoutMs: settings.caseTimeoutMs,
          isAlive: () => alive,
          ...(expectedIp === undefined ? {} : { expectedIp }),
        },
        testCase,
      );
      results.push({ server: label, result });
      const problems = [result.verdict.problem, result.followUpProblem].filter(Boolean);
      report(
        `bad input [${label}] ${testCase.name}`,
        result.passed,
        problems.length > 0
          ? `${result.verdict.observed}: ${problems.join('; ')}`
          : result.verdict.observed,
      );
    }
    return results;
  });
}

async function withServer<T>(
  command: ServerCommand,
  use: (server: RunningServer) => Promise<T>,
): Promise<T> {
  const server = await startServer(command);
  try {
    return await use(server);
  } finally {
    await server.stop();
  }
}

function report(name: string, passed: boolean, detail: string): void {
  console.log(`${passed ? 'pass' : 'FAIL'}  ${name}: ${detail}`);
}

function describeSoak(soak: Awaited<ReturnType<typeof runSoak>>): string {
  return (
    `${soak.load.requests} requests, 0 errors, RSS ${Math.round(soak.startRssKiB / 1024)} -> ` +
    `${Math.round(soak.endRssKiB / 1024)} MiB (${soak.growthPercent.toFixed(1)}%)`
  );
}

function describeCommand(): string {
  const overrides = Object.keys(process.env)
    .filter((name) => name.startsWith('RELIABILITY_') && name !== 'RELIABILITY_WRITE')
    .map((name) => `${name}=${process.env[name]}`);
  const flags = process.argv.slice(2);
  const base = 'npx nx run time-service:reliability';
  return [...overrides, base, ...(flags.length > 0 ? ['--', ...flags] : [])].join(' ');
}
