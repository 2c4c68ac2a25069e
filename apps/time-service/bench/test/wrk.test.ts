import { describe, expect, it } from 'bun:test';

import { parseWrkReport } from '../lib/wrk';

describe('parseWrkReport', () => {
  it('reads the reporting line into rates, milliseconds and error counts', () => {
    const output =
      'Running 2s test\n' +
      'WRK_JSON {"requests":20000,"durationUs":2000000,"bytes":1,"p50Us":1500,"p90Us":2000,' +
      '"p99Us":6500,"maxUs":9000,"connect":1,"read":2,"write":3,"status":5,"timeout":4}\n';
    const result = parseWrkReport(output);

    expect(result.requestsPerSecond).toBe(10_000);
    expect(result.p50Ms).toBe(1.5);
    expect(result.p99Ms).toBe(6.5);
    expect(result.socketErrors).toBe(10);
    expect(result.badStatus).toBe(5);
  });

  it('says what wrk printed when the reporting line is missing', () => {
    expect(() => parseWrkReport('unable to connect')).toThrow('unable to connect');
  });
});
