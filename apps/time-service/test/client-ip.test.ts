import { describe, expect, it } from 'bun:test';

import { resolveClientIp } from '../src/client-ip';
import { parseTrustProxy } from '../src/trust-proxy';

// Each case: the socket's peer, the X-Forwarded-For header as received, TRUST_PROXY, and the
// address the service must report.
const cases: readonly [
  name: string,
  peer: string,
  xff: string | null,
  trust: string,
  want: string,
][] = [
  ['uses the peer when no proxy is trusted', '203.0.113.7', null, '', '203.0.113.7'],
  ['ignores X-Forwarded-For when no proxy is trusted', '203.0.113.7', '1.1.1.1', '', '203.0.113.7'],
  ['treats a hop count of 0 as trusting no one', '203.0.113.7', '1.1.1.1', '0', '203.0.113.7'],
  [
    'takes the rightmost entry behind one trusted hop',
    '10.0.0.5',
    '198.51.100.1',
    '1',
    '198.51.100.1',
  ],
  [
    'ignores entries a caller forged to the left of the balancer',
    '10.0.0.5',
    '6.6.6.6, 198.51.100.1',
    '1',
    '198.51.100.1',
  ],
  ['walks two trusted hops', '10.0.0.5', '198.51.100.1, 10.0.1.9', '2', '198.51.100.1'],
  ['uses the peer when a trusted hop sent no header', '10.0.0.5', null, '1', '10.0.0.5'],
  ['uses the peer when the header is empty', '10.0.0.5', '', '1', '10.0.0.5'],
  [
    'stops at the leftmost entry when every hop is trusted',
    '10.0.0.5',
    '198.51.100.1',
    '5',
    '198.51.100.1',
  ],
  ['trusts a peer inside a CIDR range', '10.0.1.20', '198.51.100.1', '10.0.1.0/24', '198.51.100.1'],
  [
    'does not trust a peer outside every range',
    '192.0.2.50',
    '198.51.100.1',
    '10.0.1.0/24',
    '192.0.2.50',
  ],
  [
    'skips every trusted range hop and stops at the first untrusted one',
    '10.0.1.20',
    '6.6.6.6, 198.51.100.1, 10.0.2.7',
    '10.0.1.0/24,10.0.2.0/24',
    '198.51.100.1',
  ],
  [
    'does not let a forged in-range entry win over the balancer',
    '10.0.1.20',
    '10.0.1.99, 198.51.100.1',
    '10.0.1.0/24',
    '198.51.100.1',
  ],
  [
    'falls back to the reporting hop when the rightmost entry is garbage',
    '10.0.0.5',
    '198.51.100.1, <script>',
    '1',
    '10.0.0.5',
  ],
  ['never echoes a host name', '10.0.0.5', 'evil.example.com', '1', '10.0.0.5'],
  ['never echoes an address with a port', '10.0.0.5', '198.51.100.1:4711', '1', '10.0.0.5'],
  ['never echoes an inet_aton shorthand', '10.0.0.5', '127.1', '1', '10.0.0.5'],
  ['never echoes an IPv6 zone', '10.0.0.5', 'fe80::1%eth0', '1', '10.0.0.5'],
  ['never echoes leading zeros', '10.0.0.5', '010.1.1.1', '1', '10.0.0.5'],
  ['survives a header of only commas', '10.0.0.5', ',,,', '1', '10.0.0.5'],
  ['trims the spaces around entries', '10.0.0.5', '  198.51.100.1  ', '1', '198.51.100.1'],
  ['writes an IPv4-mapped peer in dotted form', '::ffff:127.0.0.1', null, '', '127.0.0.1'],
  [
    'writes an IPv4-mapped entry in dotted form',
    '10.0.0.5',
    '::ffff:198.51.100.1',
    '1',
    '198.51.100.1',
  ],
  [
    'compresses an IPv6 entry',
    '10.0.0.5',
    '2001:0db8:0000:0000:0000:0000:0000:0001',
    '1',
    '2001:db8::1',
  ],
  [
    'matches an IPv4-mapped peer against IPv4 ranges',
    '::ffff:10.0.1.20',
    '198.51.100.1',
    '10.0.1.0/24',
    '198.51.100.1',
  ],
  ['matches IPv6 ranges', '2001:db8::5', '198.51.100.1', '2001:db8::/64', '198.51.100.1'],
  [
    'never matches an IPv4 hop against an IPv6 range',
    '10.0.1.20',
    '198.51.100.1',
    '::/0',
    '10.0.1.20',
  ],
];

describe('resolveClientIp', () => {
  for (const [name, peer, xff, trust, want] of cases) {
    it(name, () => {
      expect(resolveClientIp(peer, xff, parseTrustProxy(trust))).toBe(want);
    });
  }

  it('throws when it must match a socket peer that is not an IP address', () => {
    expect(() => resolveClientIp('not-an-ip', '1.1.1.1', parseTrustProxy('1'))).toThrow(
      /not an IP/,
    );
  });

  it('walks a very long forged header without trusting any of it', () => {
    const forged = Array.from({ length: 5000 }, (_, index) => `10.9.${index % 256}.1`).join(',');

    expect(resolveClientIp('10.0.0.5', `${forged}, 198.51.100.1`, parseTrustProxy('1'))).toBe(
      '198.51.100.1',
    );
  });
});
