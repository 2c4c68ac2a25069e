/**
 * Profiles one benchmark server under wrk load with `bun --cpu-prof`, and prints where its
 * JavaScript time went, by function. Usage, from the workspace root:
 *   npx bun apps/time-service/bench/profile.ts [--duration=10] [--connections=64]
 * with BENCH_SERVERS naming one Bun server (default ours; ours-silent, elysia-bare, ceiling).
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

import { summariseProfile, type CpuProfile } from './lib/cpu-profile';
import { formatCount } from './lib/format';
import { BENCH_DURATION_SETTING, readSettingsOrExit, wrkClientSettings } from './lib/options';
import { startServer } from './lib/server-process';
import { benchServers, SERVICE_BUNDLE } from './lib/servers';
import { ensureAptPackages, WRK } from './lib/tools';
import { runWrk } from './lib/wrk';

const WORKSPACE_ROOT = resolve(import.meta.dir, '../../..');

const settings = readSettingsOrExit({
  durationSeconds: BENCH_DURATION_SETTING,
  ...wrkClientSettings('BENCH'),
});

ensureAptPackages([WRK]);
const key = process.env.BENCH_SERVERS ?? 'ours';
const entry = process.env.BENCH_SERVICE_ENTRY ?? SERVICE_BUNDLE;
const server = benchServers(WORKSPACE_ROOT, entry).find((each) => each.key === key);
if (server === undefined || server.command.argv[0] !== process.execPath) {
  throw new Error(`BENCH_SERVERS must name one Bun server to profile, got "${key}"`);
}

const profileDir = mkdtempSync(join(tmpdir(), 'time-service-profile-'));
const [bun, ...rest] = server.command.argv;
const running = await startServer({
  ...server.command,
  argv: [bun as string, '--cpu-prof', `--cpu-prof-dir=${profileDir}`, ...rest],
});

try {
  const load = await runWrk({ url: `${running.url}/`, ...settings });
  console.log(
    `${server.label}: ${formatCount(load.requestsPerSecond)} requests/s under the profiler`,
  );
} finally {
  // Bun writes the profile when the process exits, which the server does on SIGTERM.
  await running.stop();
}

const file = readdirSync(profileDir).find((name) => name.endsWith('.cpuprofile'));
if (file === undefined) {
  throw new Error(`bun wrote no .cpuprofile into ${profileDir}; did the server exit on SIGTERM?`);
}
const summary = summariseProfile(
  JSON.parse(readFileSync(join(profileDir, file), 'utf8')) as CpuProfile,
);
rmSync(profileDir, { recursive: true });

console.log(`\n${summary.samples} samples. Own time, by function:`);
for (const entry of summary.self)
  console.log(`${entry.percent.toFixed(1).padStart(6)}%  ${entry.frame}`);
console.log('\nTime in the function and what it called:');
for (const entry of summary.inclusive)
  console.log(`${entry.percent.toFixed(1).padStart(6)}%  ${entry.frame}`);
