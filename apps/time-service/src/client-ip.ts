import { formatIpAddress, parseIpLiteral, type IpAddress } from './ip-address';
import { isTrustedHop, type TrustProxyPolicy } from './trust-proxy';

/**
 * Finds the caller's address. The hops are the socket's peer followed by the X-Forwarded-For
 * entries read from the right, because each proxy appends the address it saw: only the
 * rightmost entries were written by proxies we trust, and anything to their left may have been
 * written by the caller. The walk skips trusted hops and stops at the first untrusted one.
 *
 * A malformed entry ends the walk at the hop that reported it, whose address is known to be
 * valid, so the answer is always a real IP literal and never text from a header.
 */
export function resolveClientIp(
  peerAddress: string,
  forwardedFor: string | null,
  policy: TrustProxyPolicy,
): string {
  // The common case needs no parsing: the peer's address comes from the kernel, already
  // written as inet_ntop writes it, and only the IPv4-mapped form needs unwrapping.
  if (policy.kind === 'none' || !forwardedFor) {
    return unwrapIpv4Mapped(peerAddress);
  }

  const peer = parseIpLiteral(peerAddress);
  if (peer === null) {
    throw new Error(`The socket reported a peer address that is not an IP: "${peerAddress}"`);
  }

  const entries = forwardedFor.split(',');
  let caller: IpAddress = peer;

  for (let hop = 0; isTrustedHop(policy, caller, hop) && entries.length > 0; hop++) {
    const next = parseIpLiteral((entries.pop() as string).trim());
    if (next === null) {
      break;
    }
    caller = next;
  }

  return formatIpAddress(caller);
}

const IPV4_MAPPED_PREFIX = '::ffff:';

function unwrapIpv4Mapped(address: string): string {
  const mapped = address.startsWith(IPV4_MAPPED_PREFIX) && address.includes('.');
  return mapped ? address.slice(IPV4_MAPPED_PREFIX.length) : address;
}
