import { readTreeMemory } from '../lib/process-memory';
import type { RunningServer } from '../lib/server-process';
import { runWrk, type WrkResult } from '../lib/wrk';

/** Settings for the soak. */
export interface SoakOptions {
  /** Seconds of sustained load, after the warm-up. */
  readonly durationSeconds: number;
  /** Seconds of load before the starting memory is read, so start-up growth is not counted. */
  readonly warmupSeconds: number;
  /** wrk connections. */
  readonly connections: number;
  /** wrk threads. */
  readonly threads: number;
  /** Largest accepted growth of resident memory from start to end, in percent. */
  readonly maxGrowthPercent: number;
}

/** What the soak measured. */
export interface SoakResult {
  /** wrk's figures for the sustained load. */
  readonly load: WrkResult;
  /** Resident memory right after start-up, before any load, in KiB. */
  readonly idleRssKiB: number;
  /** Resident memory after the warm-up, in KiB. */
  readonly startRssKiB: number;
  /** Resident memory when the load ended, in KiB. */
  readonly endRssKiB: number;
  /** Highest resident memory sampled during the load, in KiB. */
  readonly maxRssKiB: number;
  /** (end - start) / start, in percent. */
  readonly growthPercent: number;
  /** What failed, empty when the soak held. */
  readonly problems: readonly string[];
}

const SAMPLE_INTERVAL_MS = 1000;

/**
 * Holds the server under load for a bounded time and checks that no request failed and that
 * resident memory ended within `maxGrowthPercent` of where it started.
 */
export async function runSoak(server: RunningServer, options: SoakOptions): Promise<SoakResult> {
  const url = `${server.url}/`;
  const load = { url, threads: options.threads, connections: options.connections };
  const idleRssKiB = readTreeMemory(server.pid).rssKiB;

  if (options.warmupSeconds > 0) {
    await runWrk({ ...load, durationSeconds: options.warmupSeconds });
  }
  const startRssKiB = readTreeMemory(server.pid).rssKiB;

  let maxRssKiB = startRssKiB;
  const sampler = setInterval(() => {
    maxRssKiB = Math.max(maxRssKiB, readTreeMemory(server.pid).rssKiB);
  }, SAMPLE_INTERVAL_MS);
  const result = await runWrk({ ...load, durationSeconds: options.durationSeconds }).finally(() =>
    clearInterval(sampler),
  );
  const endRssKiB = readTreeMemory(server.pid).rssKiB;
  maxRssKiB = Math.max(maxRssKiB, endRssKiB);

  const growthPercent = ((endRssKiB - startRssKiB) / startRssKiB) * 100;
  const problems = [
    ...(result.socketErrors > 0 ? [`${result.socketErrors} socket errors`] : []),
    ...(result.badStatus > 0 ? [`${result.badStatus} responses with status >= 400`] : []),
    ...(result.requests === 0 ? ['no request completed'] : []),
    ...(growthPercent > options.maxGrowthPercent
      ? [`resident memory grew ${growthPercent.toFixed(1)}% (limit ${options.maxGrowthPercent}%)`]
      : []),
  ];

  return { load: result, idleRssKiB, startRssKiB, endRssKiB, maxRssKiB, growthPercent, problems };
}
