import type { ServerRole } from './servers';
import { median } from './stats';
import type { WrkResult } from './wrk';

/** What one server measured in one round. */
export interface RoundResult {
  /** 1-based round number. */
  readonly round: number;
  /** Key of the server measured. */
  readonly server: string;
  /** wrk's figures for the measured run (the warm-up is not counted). */
  readonly load: WrkResult;
  /** Peak resident memory of the server's process tree, in KiB. */
  readonly peakKiB: number;
  /** How many processes that tree held (gunicorn's master plus its workers). */
  readonly processes: number;
  /** Milliseconds from spawn to the first 200. */
  readonly startupMs: number;
}

/** One server's figures over all rounds: medians, and error counts summed. */
export interface ServerSummary {
  /** Key of the server. */
  readonly server: string;
  /** Name shown in the results. */
  readonly label: string;
  /** What it stands for in the comparison. */
  readonly role: ServerRole;
  /** Median requests per second. */
  readonly requestsPerSecond: number;
  /** Median of the rounds' p50 latency, in milliseconds. */
  readonly p50Ms: number;
  /** Median of the rounds' p99 latency, in milliseconds. */
  readonly p99Ms: number;
  /** Socket errors summed over the rounds. */
  readonly socketErrors: number;
  /** Responses with status 400 or more, summed over the rounds. */
  readonly badStatus: number;
  /** Median peak resident memory, in KiB. */
  readonly peakKiB: number;
  /** Median start-up time, in milliseconds. */
  readonly startupMs: number;
}

/** A target from the issue: our figure against the ceiling's, with the bound it must meet. */
export interface TargetCheck {
  /** What is compared, e.g. "Throughput". */
  readonly measure: string;
  /** Unit of `ours` and `ceiling`. */
  readonly unit: 'requests/s' | 'ms' | 'MiB';
  /** Our median. */
  readonly ours: number;
  /** The ceiling's median. */
  readonly ceiling: number;
  /** ours / ceiling. */
  readonly ratio: number;
  /** The bound the ratio must meet. */
  readonly bound: number;
  /** Whether the ratio must be at least (throughput) or at most (latency, memory) the bound. */
  readonly direction: 'at-least' | 'at-most';
  /** Whether the target was met. */
  readonly met: boolean;
}

/** Summarises the rounds of one server. */
export function summarise(
  server: { readonly key: string; readonly label: string; readonly role: ServerRole },
  rounds: readonly RoundResult[],
): ServerSummary {
  const own = rounds.filter((each) => each.server === server.key);
  if (own.length === 0) {
    throw new Error(`no rounds were recorded for server "${server.key}"`);
  }

  const sum = (pick: (round: RoundResult) => number): number =>
    own.reduce((total, round) => total + pick(round), 0);
  const mid = (pick: (round: RoundResult) => number): number => median(own.map(pick));

  return {
    server: server.key,
    label: server.label,
    role: server.role,
    requestsPerSecond: mid((r) => r.load.requestsPerSecond),
    p50Ms: mid((r) => r.load.p50Ms),
    p99Ms: mid((r) => r.load.p99Ms),
    socketErrors: sum((r) => r.load.socketErrors),
    badStatus: sum((r) => r.load.badStatus),
    peakKiB: mid((r) => r.peakKiB),
    startupMs: mid((r) => r.startupMs),
  };
}

/** The targets: throughput at least 0.9 of the ceiling, p99 and memory at most 1.2. */
export function checkTargets(ours: ServerSummary, ceiling: ServerSummary): TargetCheck[] {
  return [
    target('Throughput', 'requests/s', ours.requestsPerSecond, ceiling.requestsPerSecond, 0.9),
    target('Latency p99', 'ms', ours.p99Ms, ceiling.p99Ms, 1.2),
    target('Peak memory', 'MiB', ours.peakKiB / 1024, ceiling.peakKiB / 1024, 1.2),
  ];
}

function target(
  measure: string,
  unit: TargetCheck['unit'],
  ours: number,
  ceiling: number,
  bound: number,
): TargetCheck {
  // Throughput must reach the bound; latency and memory must stay under it.
  const direction = unit === 'requests/s' ? 'at-least' : 'at-most';
  const ratio = ours / ceiling;
  const met = direction === 'at-least' ? ratio >= bound : ratio <= bound;
  return { measure, unit, ours, ceiling, ratio, bound, direction, met };
}
