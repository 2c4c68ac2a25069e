/**
 * Benchmarks the built service against the Flask reference and a bare Bun.serve ceiling,
 * interleaved round by round on this machine, and writes the results to docs/benchmarks.md.
 * Run it through `npx nx run time-service:bench`; flags and environment in docs/benchmarks.md.
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';

import { checkTargets, summarise, type RoundResult } from './lib/benchmark-results';
import { renderBenchmarkReport } from './lib/benchmark-report';
import { writeGeneratedSection } from './lib/doc-section';
import { formatCount, formatMiB, formatMs } from './lib/format';
import { describeMachine, describeVersions } from './lib/machine';
import { BENCH_DURATION_SETTING, readSettingsOrExit, wrkClientSettings } from './lib/options';
import { readTreeMemory } from './lib/process-memory';
import { startServer } from './lib/server-process';
import { benchServers, SERVICE_BUNDLE, type BenchServer } from './lib/servers';
import { findTimeResponseProblem } from './lib/time-response';
import { ensureAptPackages, FLASK, GUNICORN, WRK } from './lib/tools';
import { runWrk } from './lib/wrk';

const WORKSPACE_ROOT = resolve(import.meta.dir, '../../..');

const settings = readSettingsOrExit({
  rounds: { flag: 'rounds', env: 'BENCH_ROUNDS', defaultValue: 3, min: 1, max: 20 },
  durationSeconds: BENCH_DURATION_SETTING,
  warmupSeconds: { flag: 'warmup', env: 'BENCH_WARMUP', defaultValue: 2, min: 0, max: 30 },
  ...wrkClientSettings('BENCH'),
  timeoutSeconds: { flag: 'timeout', env: 'BENCH_TIMEOUT', defaultValue: 2, min: 1, max: 30 },
  write: { flag: 'write', env: 'BENCH_WRITE', defaultValue: 1, min: 0, max: 1 },
});

await main();

async function main(): Promise<void> {
  const serviceEntry = process.env.BENCH_SERVICE_ENTRY ?? SERVICE_BUNDLE;
  if (!existsSync(resolve(WORKSPACE_ROOT, serviceEntry))) {
    throw new Error(
      `${serviceEntry} does not exist; build it with "npx nx build time-service" ` +
        '(the bench target does this first)',
    );
  }
  ensureAptPackages([WRK, GUNICORN, FLASK]);

  const servers = selectServers(benchServers(WORKSPACE_ROOT, serviceEntry));
  const rounds: RoundResult[] = [];

  for (let round = 1; round <= settings.rounds; round += 1) {
    for (const server of servers) {
      const result = await measure(server, round);
      rounds.push(result);
      printRound(result);
    }
  }

  const summaries = servers.map((server) => summarise(server, rounds));
  const ours = summaries.find((s) => s.role === 'ours');
  const ceiling = summaries.find((s) => s.role === 'ceiling');
  const report = renderBenchmarkReport({
    command: describeCommand(),
    date: new Date().toISOString(),
    settings: describeSettings(serviceEntry),
    machine: describeMachine(),
    versions: describeVersions(WORKSPACE_ROOT),
    summaries,
    targets: ours !== undefined && ceiling !== undefined ? checkTargets(ours, ceiling) : [],
    rounds,
  });

  console.log(`\n${report}\n`);
  if (settings.write === 1) {
    const path = join(WORKSPACE_ROOT, 'docs', 'benchmarks.md');
    await writeGeneratedSection(path, 'bench', 'Benchmarks', report);
    console.log(`Wrote ${path}`);
  }
}

async function measure(server: BenchServer, round: number): Promise<RoundResult> {
  const running = await startServer(server.command);

  try {
    await checkShape(server, running.url);
    const load = { threads: settings.threads, connections: settings.connections };
    const url = `${running.url}/`;

    if (settings.warmupSeconds > 0) {
      await runWrk({ ...load, url, durationSeconds: settings.warmupSeconds });
    }
    const result = await runWrk({
      ...load,
      url,
      durationSeconds: settings.durationSeconds,
      timeoutSeconds: settings.timeoutSeconds,
    });
    const memory = readTreeMemory(running.pid);

    return {
      round,
      server: server.key,
      load: result,
      peakKiB: memory.peakKiB,
      processes: memory.processes,
      startupMs: running.startupMs,
    };
  } finally {
    await running.stop();
  }
}

async function checkShape(server: BenchServer, url: string): Promise<void> {
  const body = await (await fetch(`${url}/`)).text();
  const problem = findTimeResponseProblem(body);

  if (problem !== null) {
    throw new Error(`${server.label} does not answer GET / like the service: ${problem}`);
  }
}

function selectServers(all: BenchServer[]): BenchServer[] {
  const wanted = process.env.BENCH_SERVERS?.split(',').map((key) => key.trim());
  if (wanted === undefined) {
    return all.filter((server) => server.role !== 'variant');
  }

  const unknown = wanted.filter((key) => !all.some((server) => server.key === key));
  if (unknown.length > 0) {
    throw new Error(
      `BENCH_SERVERS names unknown server "${unknown[0]}"; known: ` +
        all.map((server) => server.key).join(', '),
    );
  }
  return all.filter((server) => wanted.includes(server.key));
}

function describeCommand(): string {
  const overrides = Object.keys(process.env)
    .filter((name) => name.startsWith('BENCH_') && name !== 'BENCH_WRITE')
    .map((name) => `${name}=${process.env[name]}`);
  const flags = process.argv.slice(2);
  const base = 'npx nx run time-service:bench';
  return [...overrides, base, ...(flags.length > 0 ? ['--', ...flags] : [])].join(' ');
}

function describeSettings(serviceEntry: string): string {
  const s = settings;
  return (
    `${s.rounds} rounds, interleaved (each round starts every server afresh, in the order ` +
    `below); per server and round a ${s.warmupSeconds} s warm-up, then ${s.durationSeconds} s ` +
    `of \`wrk\` with ${s.threads} threads and ${s.connections} keep-alive connections ` +
    `(request timeout ${s.timeoutSeconds} s) on 127.0.0.1, with wrk and the server sharing ` +
    `the machine's cores. Ours is \`bun ${serviceEntry}\` with default settings; its ` +
    'one-JSON-line-per-request log goes to stdout, which the harness sends to /dev/null. ' +
    'Figures are medians over the rounds; errors are summed.'
  );
}

function printRound(result: RoundResult): void {
  console.log(
    `round ${result.round} ${result.server.padEnd(10)} ` +
      `${formatCount(result.load.requestsPerSecond).padStart(8)} req/s  ` +
      `p50 ${formatMs(result.load.p50Ms)} ms  p99 ${formatMs(result.load.p99Ms)} ms  ` +
      `errors ${result.load.socketErrors}  status>=400 ${result.load.badStatus}  ` +
      `peak ${formatMiB(result.peakKiB)} MiB  start-up ${formatCount(result.startupMs)} ms`,
  );
}
