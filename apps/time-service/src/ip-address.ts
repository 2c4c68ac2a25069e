import ipaddr from 'ipaddr.js';

/** An IPv4 or IPv6 address as parsed by ipaddr.js. */
export type IpAddress = ipaddr.IPv4 | ipaddr.IPv6;

/**
 * Parses one IP literal strictly: dotted-quad IPv4 without leading zeros, or IPv6 without a
 * zone. Returns null for anything else, so that callers never mistake a hostname, a port
 * suffix or the shorthand forms `inet_aton` accepts (`127.1`, `0x7f.0.0.1`) for an address.
 * IPv4-mapped IPv6 addresses come back as the IPv4 address they carry.
 */
export function parseIpLiteral(text: string): IpAddress | null {
  if (ipaddr.IPv4.isValidFourPartDecimal(text)) {
    return ipaddr.IPv4.parse(text);
  }

  if (!text.includes('%') && ipaddr.IPv6.isValid(text)) {
    const address = ipaddr.IPv6.parse(text);
    return address.isIPv4MappedAddress() ? address.toIPv4Address() : address;
  }

  return null;
}

/** Writes an address as people do: IPv4 dotted, IPv6 compressed (RFC 5952). */
export function formatIpAddress(address: IpAddress): string {
  return address.kind() === 'ipv6'
    ? (address as ipaddr.IPv6).toRFC5952String()
    : address.toString();
}
