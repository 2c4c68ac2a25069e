import { cpus } from 'node:os';
import { join, resolve } from 'node:path';

import type { ServerCommand } from './server-process';

/** What a server stands for; variants are profiling aids, run only when BENCH_SERVERS names them. */
export type ServerRole = 'ours' | 'reference' | 'ceiling' | 'variant';

/** One server the benchmark starts and loads. */
export interface BenchServer {
  /** Short stable name, used in flags and raw tables. */
  readonly key: string;
  /** Name shown in the results. */
  readonly label: string;
  /** What it stands for: ours, the Flask reference, or the bare-runtime ceiling. */
  readonly role: ServerRole;
  /** How to start it. */
  readonly command: ServerCommand;
}

/** Path of the production bundle, relative to the workspace root. */
export const SERVICE_BUNDLE = 'dist/apps/time-service/main.js';

/**
 * The servers compared, in the order each round runs them, then the profiling variants.
 * `serviceEntry` is the script run as ours: the production bundle unless overridden.
 */
export function benchServers(workspaceRoot: string, serviceEntry: string): BenchServer[] {
  const referenceDir = join(import.meta.dir, '..', 'reference');
  const gunicorn = ['/usr/bin/gunicorn', '--bind', '127.0.0.1:{port}', '--chdir', referenceDir];
  const workers = String(cpus().length);
  const ours = [process.execPath, resolve(workspaceRoot, serviceEntry)];

  return [
    {
      key: 'ours',
      label: 'time-service (bun, production bundle)',
      role: 'ours',
      // Default logging, as the container runs it: TRUST_PROXY and LOG_LEVEL unset.
      command: {
        argv: ours,
        env: { LOG_LEVEL: undefined, TRUST_PROXY: undefined },
      },
    },
    {
      key: 'flask-1w',
      label: 'Flask + gunicorn, 1 worker (default)',
      role: 'reference',
      command: { argv: [...gunicorn, 'flask_app:app'] },
    },
    {
      key: `flask-${workers}w`,
      label: `Flask + gunicorn, ${workers} workers (one per core)`,
      role: 'reference',
      command: { argv: [...gunicorn, '--workers', workers, 'flask_app:app'] },
    },
    {
      key: 'ceiling',
      label: 'bare Bun.serve (ceiling)',
      role: 'ceiling',
      command: { argv: [process.execPath, join(referenceDir, 'bare-bun.ts')] },
    },
    {
      key: 'ours-silent',
      label: 'time-service with LOG_LEVEL=silent',
      role: 'variant',
      command: { argv: ours, env: { LOG_LEVEL: 'silent', TRUST_PROXY: undefined } },
    },
    {
      key: 'elysia-bare',
      label: 'bare Elysia route, no hooks',
      role: 'variant',
      command: { argv: [process.execPath, join(referenceDir, 'bare-elysia.ts')] },
    },
  ];
}
