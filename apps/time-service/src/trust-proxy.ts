import { parseIpLiteral, type IpAddress } from './ip-address';

/** Which hops in front of the service may report the caller's address in X-Forwarded-For. */
export type TrustProxyPolicy =
  | { readonly kind: 'none' }
  | { readonly kind: 'hops'; readonly count: number }
  | { readonly kind: 'ranges'; readonly ranges: readonly AddressRange[]; readonly text: string };

/** An address range in CIDR form, as ipaddr.js matches it. */
export type AddressRange = readonly [IpAddress, number];

/** The accepted forms of TRUST_PROXY, quoted in every error about it. */
export const TRUST_PROXY_FORMS =
  'unset (trust no proxy), a hop count such as 1, or a comma-separated list of addresses ' +
  'and CIDR ranges such as 10.0.0.0/24,10.0.1.0/24';

/** Thrown when TRUST_PROXY cannot be understood. */
export class TrustProxyError extends Error {
  override readonly name = 'TrustProxyError';
}

/**
 * Parses TRUST_PROXY: empty trusts no one, a whole number N trusts the N hops nearest the
 * service, and a list trusts the hops whose address falls in one of its ranges.
 */
export function parseTrustProxy(value: string | undefined): TrustProxyPolicy {
  const text = value?.trim() ?? '';

  if (text === '') {
    return { kind: 'none' };
  }

  if (/^\d+$/.test(text)) {
    const count = Number(text);
    if (!Number.isSafeInteger(count)) {
      throw new TrustProxyError(`hop count ${text} is too large`);
    }
    return count === 0 ? { kind: 'none' } : { kind: 'hops', count };
  }

  const ranges = text.split(',').map((entry) => parseRange(entry.trim()));
  return { kind: 'ranges', ranges, text };
}

/** Tells whether the hop at `index` (0 is the socket's peer) is a trusted proxy. */
export function isTrustedHop(policy: TrustProxyPolicy, address: IpAddress, index: number): boolean {
  switch (policy.kind) {
    case 'none':
      return false;
    case 'hops':
      return index < policy.count;
    case 'ranges':
      return policy.ranges.some(
        ([network, prefix]) => network.kind() === address.kind() && address.match(network, prefix),
      );
  }
}

function parseRange(entry: string): AddressRange {
  const [addressText = '', prefixText, ...rest] = entry.split('/');
  const address = parseIpLiteral(addressText);

  if (address === null || rest.length > 0) {
    throw new TrustProxyError(`"${entry}" is not an IP address or CIDR range`);
  }

  const maxPrefix = address.kind() === 'ipv4' ? 32 : 128;
  if (prefixText === undefined) {
    return [address, maxPrefix];
  }

  const prefix = Number(prefixText);
  if (!/^\d{1,3}$/.test(prefixText) || prefix > maxPrefix) {
    throw new TrustProxyError(
      `"${entry}" has a prefix length outside 0 to ${maxPrefix} for an ${address.kind()} range`,
    );
  }

  // ipaddr.js compares only the first `prefix` bits, so "10.0.1.7/24" trusts 10.0.1.0/24.
  return [address, prefix];
}
