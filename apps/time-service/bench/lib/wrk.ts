import { join } from 'node:path';

/** Load settings for one wrk run. */
export interface WrkOptions {
  /** Full URL to load, always on 127.0.0.1. */
  readonly url: string;
  /** Seconds of load; wrk stops by itself after them. */
  readonly durationSeconds: number;
  /** wrk threads. */
  readonly threads: number;
  /** Open connections, shared among the threads. */
  readonly connections: number;
  /** Seconds before wrk counts a request as timed out. @default 2 */
  readonly timeoutSeconds?: number;
}

/** What one wrk run measured. */
export interface WrkResult {
  /** Completed requests per second over the run. */
  readonly requestsPerSecond: number;
  /** Requests completed. */
  readonly requests: number;
  /** Median latency, in milliseconds. */
  readonly p50Ms: number;
  /** 90th-percentile latency, in milliseconds. */
  readonly p90Ms: number;
  /** 99th-percentile latency, in milliseconds. */
  readonly p99Ms: number;
  /** Slowest request, in milliseconds. */
  readonly maxMs: number;
  /** Socket errors: failed connects, reads, writes and timeouts added together. */
  readonly socketErrors: number;
  /** Responses with a status of 400 or more (wrk's "Non-2xx or 3xx responses"). */
  readonly badStatus: number;
}

const REPORT_SCRIPT = join(import.meta.dir, 'wrk-report.lua');
const REPORT_MARKER = 'WRK_JSON ';

/** Runs wrk against `options.url` with the JSON reporting script and returns its figures. */
export async function runWrk(options: WrkOptions): Promise<WrkResult> {
  const argv = [
    'wrk',
    `--threads=${options.threads}`,
    `--connections=${options.connections}`,
    `--duration=${options.durationSeconds}s`,
    `--timeout=${options.timeoutSeconds ?? 2}s`,
    `--script=${REPORT_SCRIPT}`,
    options.url,
  ];
  const child = Bun.spawn(argv, { stdout: 'pipe', stderr: 'pipe' });
  const [stdout, stderr, exitCode] = await Promise.all([
    new Response(child.stdout).text(),
    new Response(child.stderr).text(),
    child.exited,
  ]);

  if (exitCode !== 0) {
    throw new Error(`${argv.join(' ')} exited with ${exitCode}: ${stderr.trim() || stdout}`);
  }
  return parseWrkReport(stdout);
}

/** Reads the JSON line written by wrk-report.lua out of wrk's output. */
export function parseWrkReport(output: string): WrkResult {
  const line = output.split('\n').find((each) => each.startsWith(REPORT_MARKER));
  if (line === undefined) {
    throw new Error(`wrk printed no ${REPORT_MARKER.trim()} line; its output was:\n${output}`);
  }

  const raw = JSON.parse(line.slice(REPORT_MARKER.length)) as Record<string, number>;
  const field = (name: string): number => {
    const value = raw[name];
    if (typeof value !== 'number') {
      throw new Error(`wrk's report lacks the number "${name}": ${line}`);
    }
    return value;
  };

  return {
    requestsPerSecond: field('requests') / (field('durationUs') / 1e6),
    requests: field('requests'),
    p50Ms: field('p50Us') / 1000,
    p90Ms: field('p90Us') / 1000,
    p99Ms: field('p99Us') / 1000,
    maxMs: field('maxUs') / 1000,
    socketErrors: field('connect') + field('read') + field('write') + field('timeout'),
    badStatus: field('status'),
  };
}
