import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { cpus, release, totalmem } from 'node:os';
import { join } from 'node:path';

/** One named fact about the machine or a tool's version, for the results page. */
export interface Fact {
  /** What the fact is about, e.g. "CPU" or "wrk". */
  readonly name: string;
  /** Its value as measured on this machine. */
  readonly value: string;
}

/** Describes the CPU, cores, memory, kernel and OS of this machine. */
export function describeMachine(): Fact[] {
  return [
    { name: 'CPU', value: cpus()[0]?.model.trim() ?? 'unknown' },
    { name: 'Cores', value: String(cpus().length) },
    { name: 'Memory', value: `${Math.round(totalmem() / 2 ** 30)} GiB` },
    { name: 'Kernel', value: `Linux ${release()}` },
    { name: 'OS', value: readOsName() },
  ];
}

/** Reports the version of every program the benchmark runs, read from the programs. */
export function describeVersions(workspaceRoot: string): Fact[] {
  return [
    { name: 'Bun', value: Bun.version },
    { name: 'Elysia', value: readPackageVersion(workspaceRoot, 'elysia') },
    { name: 'wrk', value: firstLine(run(['wrk', '--version'])).split(' ')[1] ?? 'unknown' },
    { name: 'gunicorn', value: debianVersion('gunicorn') },
    { name: 'Flask', value: debianVersion('python3-flask') },
    { name: 'Python', value: firstLine(run(['/usr/bin/python3', '--version'])) },
  ];
}

function readOsName(): string {
  const release = readFileSync('/etc/os-release', 'utf8');
  return /^PRETTY_NAME="?([^"\n]*)"?$/m.exec(release)?.[1] ?? 'unknown';
}

function readPackageVersion(workspaceRoot: string, name: string): string {
  const manifest = join(workspaceRoot, 'node_modules', name, 'package.json');
  return (JSON.parse(readFileSync(manifest, 'utf8')) as { version: string }).version;
}

function debianVersion(aptPackage: string): string {
  return `${run(['dpkg-query', '-W', '-f=${Version}', aptPackage]).trim()} (Debian)`;
}

function run(argv: readonly string[]): string {
  const [command, ...args] = argv;
  const result = spawnSync(command as string, args, { encoding: 'utf8' });
  return `${result.stdout ?? ''}${result.stderr ?? ''}`;
}

function firstLine(text: string): string {
  return text.split('\n')[0]?.trim() ?? '';
}
