import { describe, expect, it } from 'bun:test';

import { formatTimestamp } from '../src/timestamp';

const SHAPE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}\+00:00$/;

describe('formatTimestamp', () => {
  const cases: readonly [Date, string][] = [
    [new Date(Date.UTC(2025, 11, 8, 10, 30, 45, 123)), '2025-12-08T10:30:45.123000+00:00'],
    [new Date(Date.UTC(2025, 0, 1, 0, 0, 0, 0)), '2025-01-01T00:00:00.000000+00:00'],
    [new Date(Date.UTC(1999, 11, 31, 23, 59, 59, 999)), '1999-12-31T23:59:59.999000+00:00'],
  ];

  for (const [instant, want] of cases) {
    it(`formats ${instant.getTime()} as ${want}`, () => {
      expect(formatTimestamp(instant)).toBe(want);
    });
  }

  it('keeps six fractional digits when the milliseconds are zero', () => {
    expect(formatTimestamp(new Date(Date.UTC(2030, 5, 1, 12, 0, 0, 0)))).toMatch(SHAPE);
  });

  it('round-trips through Date.parse to the same instant', () => {
    const instant = new Date(Date.UTC(2026, 6, 4, 1, 2, 3, 45));

    expect(Date.parse(formatTimestamp(instant))).toBe(instant.getTime());
  });

  it("is read by Python's datetime.fromisoformat as the same UTC instant", () => {
    const instant = new Date(Date.UTC(2026, 6, 4, 1, 2, 3, 45));
    const script =
      'import sys, datetime; d = datetime.datetime.fromisoformat(sys.argv[1]); ' +
      'print(int(d.timestamp() * 1000), d.utcoffset().total_seconds())';

    const result = Bun.spawnSync(['python3', '-c', script, formatTimestamp(instant)]);

    expect(result.stderr.toString()).toBe('');
    expect(result.stdout.toString().trim()).toBe(`${instant.getTime()} 0.0`);
  });

  it('refuses years that do not fit four digits', () => {
    expect(() => formatTimestamp(new Date(Date.UTC(10000, 0, 1)))).toThrow(/4-digit year/);
  });
});
