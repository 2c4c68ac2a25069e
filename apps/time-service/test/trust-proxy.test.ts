import { describe, expect, it } from 'bun:test';

import { parseIpLiteral } from '../src/ip-address';
import { isTrustedHop, parseTrustProxy, TrustProxyError } from '../src/trust-proxy';

const address = (text: string) => {
  const parsed = parseIpLiteral(text);
  if (parsed === null) {
    throw new Error(`test address ${text} does not parse`);
  }
  return parsed;
};

describe('parseTrustProxy', () => {
  it('trusts no one when unset or blank', () => {
    expect(parseTrustProxy(undefined)).toEqual({ kind: 'none' });
    expect(parseTrustProxy('  ')).toEqual({ kind: 'none' });
  });

  it('reads a whole number as a hop count', () => {
    expect(parseTrustProxy('2')).toEqual({ kind: 'hops', count: 2 });
  });

  it('reads plain addresses as single-address ranges', () => {
    const policy = parseTrustProxy('10.0.0.1, ::1');

    expect(isTrustedHop(policy, address('10.0.0.1'), 0)).toBe(true);
    expect(isTrustedHop(policy, address('10.0.0.2'), 0)).toBe(false);
    expect(isTrustedHop(policy, address('::1'), 3)).toBe(true);
  });

  it('trusts a whole range written with a host address', () => {
    const policy = parseTrustProxy('10.0.1.7/24');

    expect(isTrustedHop(policy, address('10.0.1.200'), 0)).toBe(true);
    expect(isTrustedHop(policy, address('10.0.2.1'), 0)).toBe(false);
  });

  it('trusts hops by position for a hop count', () => {
    const policy = parseTrustProxy('2');

    expect(isTrustedHop(policy, address('8.8.8.8'), 1)).toBe(true);
    expect(isTrustedHop(policy, address('8.8.8.8'), 2)).toBe(false);
  });

  const invalid: readonly [string, RegExp][] = [
    ['10.0.0.0/33', /prefix length outside 0 to 32/],
    ['::/129', /prefix length outside 0 to 128/],
    ['10.0.0.0/', /prefix length/],
    ['10.0.0.0/8/8', /not an IP address or CIDR range/],
    ['loopback', /"loopback" is not an IP address/],
    ['10.0.0.1,,10.0.0.2', /"" is not an IP address/],
    ['-1', /not an IP address/],
    ['99999999999999999999', /too large/],
  ];

  for (const [value, message] of invalid) {
    it(`rejects ${JSON.stringify(value)} and says why`, () => {
      expect(() => parseTrustProxy(value)).toThrow(TrustProxyError);
      expect(() => parseTrustProxy(value)).toThrow(message);
    });
  }
});
