import { describe, expect, it } from 'bun:test';

import { checkTargets, type ServerSummary } from '../lib/benchmark-results';
import { median } from '../lib/stats';

const summary = (requestsPerSecond: number, p99Ms: number, peakKiB: number): ServerSummary => ({
  server: 's',
  label: 's',
  role: 'ours',
  requestsPerSecond,
  p50Ms: 1,
  p99Ms,
  socketErrors: 0,
  badStatus: 0,
  peakKiB,
  startupMs: 10,
});

describe('checkTargets', () => {
  it('meets every target at 0.9 of the throughput and 1.2 of the p99 and memory', () => {
    const checks = checkTargets(summary(900, 12, 1200), summary(1000, 10, 1000));
    expect(checks.map((check) => check.met)).toEqual([true, true, true]);
  });

  it('misses throughput below 0.9 of the ceiling and p99 above 1.2 of it', () => {
    const checks = checkTargets(summary(899, 12.1, 1000), summary(1000, 10, 1000));
    expect(checks.map((check) => check.met)).toEqual([false, false, true]);
  });
});

describe('median', () => {
  it('takes the middle value, or the mean of the two middle values', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
  });

  it('refuses an empty list', () => {
    expect(() => median([])).toThrow('empty list');
  });
});
