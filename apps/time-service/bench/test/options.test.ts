import { describe, expect, it } from 'bun:test';

import { OptionError, resolveNumericSettings } from '../lib/options';

const SETTINGS = {
  rounds: { flag: 'rounds', env: 'BENCH_ROUNDS', defaultValue: 3, min: 1, max: 20 },
};

describe('resolveNumericSettings', () => {
  it('uses the default when neither flag nor environment is given', () => {
    expect(resolveNumericSettings(SETTINGS, [], {})).toEqual({ rounds: 3 });
  });

  it('prefers the flag over the environment', () => {
    const resolved = resolveNumericSettings(SETTINGS, ['--rounds=5'], { BENCH_ROUNDS: '7' });
    expect(resolved.rounds).toBe(5);
  });

  it('reads the environment when the flag is absent', () => {
    expect(resolveNumericSettings(SETTINGS, [], { BENCH_ROUNDS: '7' }).rounds).toBe(7);
  });

  it('accepts a flag and its value as two arguments', () => {
    expect(resolveNumericSettings(SETTINGS, ['--rounds', '4'], {}).rounds).toBe(4);
  });

  it('rejects a value outside the bounds, naming the source and the range', () => {
    expect(() => resolveNumericSettings(SETTINGS, ['--rounds=99'], {})).toThrow(
      '--rounds must be an integer from 1 to 20, got "99"',
    );
  });

  it('rejects a non-integer environment value, naming the variable', () => {
    expect(() => resolveNumericSettings(SETTINGS, [], { BENCH_ROUNDS: '2.5' })).toThrow(
      'BENCH_ROUNDS must be an integer from 1 to 20, got "2.5"',
    );
  });

  it('rejects an unknown flag instead of running the defaults', () => {
    expect(() => resolveNumericSettings(SETTINGS, ['--round=2'], {})).toThrow(OptionError);
  });
});
