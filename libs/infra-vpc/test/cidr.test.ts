import { describe, expect, it } from 'bun:test';
import {
  formatIpv4Cidr,
  parseIpv4Cidr,
  prefixForEqualSplit,
  splitIpv4Block,
} from '../src/private/cidr';

describe('parseIpv4Cidr', () => {
  it.each(['10.0.0.0/16', '192.168.4.0/22', '0.0.0.0/0', '255.255.255.255/32'])(
    'round-trips %s',
    (cidr) => {
      const block = parseIpv4Cidr(cidr);

      expect(block).toBeDefined();
      expect(formatIpv4Cidr(block!)).toBe(cidr);
    },
  );

  it.each([
    ['host bits set', '10.0.0.1/16'],
    ['an octet above 255', '10.0.256.0/24'],
    ['a prefix above 32', '10.0.0.0/33'],
    ['no prefix', '10.0.0.0'],
    ['three octets', '10.0.0/16'],
    ['surrounding spaces', ' 10.0.0.0/16'],
  ])('rejects %s', (_, cidr) => {
    expect(parseIpv4Cidr(cidr)).toBeUndefined();
  });
});

describe('splitIpv4Block', () => {
  it('cuts consecutive blocks from the first address, as cidrsubnet() numbers them', () => {
    const blocks = splitIpv4Block(parseIpv4Cidr('10.0.0.0/16')!, 18, 4).map(formatIpv4Cidr);

    expect(blocks).toEqual(['10.0.0.0/18', '10.0.64.0/18', '10.0.128.0/18', '10.0.192.0/18']);
  });

  it('handles addresses whose top bit is set without going negative', () => {
    const blocks = splitIpv4Block(parseIpv4Cidr('192.168.0.0/24')!, 26, 2).map(formatIpv4Cidr);

    expect(blocks).toEqual(['192.168.0.0/26', '192.168.0.64/26']);
  });

  it('throws when the blocks do not fit in the parent', () => {
    expect(() => splitIpv4Block(parseIpv4Cidr('10.0.0.0/24')!, 26, 5)).toThrow(RangeError);
  });
});

describe('prefixForEqualSplit', () => {
  it.each([
    [4, 18],
    [6, 19],
    [2, 17],
  ])('gives %i blocks of a /16 the prefix /%i', (count, prefix) => {
    expect(prefixForEqualSplit(parseIpv4Cidr('10.0.0.0/16')!, count)).toBe(prefix);
  });
});
