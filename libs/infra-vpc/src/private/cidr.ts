/** An IPv4 range as integers: the first address and the prefix length. */
export interface Ipv4Block {
  /** First address of the range as an unsigned 32-bit integer. */
  readonly network: number;
  /** Prefix length, 0 to 32. */
  readonly prefixLength: number;
}

const CIDR_PATTERN = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})\/(\d{1,2})$/;

/**
 * Parses `a.b.c.d/n` strictly: four decimal octets, a prefix of 0 to 32, and no host bits
 * set, because AWS rejects a VPC range like `10.0.0.1/16` rather than rounding it.
 * Returns undefined for anything else, so the caller can word the error for its prop.
 */
export function parseIpv4Cidr(cidr: string): Ipv4Block | undefined {
  const match = CIDR_PATTERN.exec(cidr);
  if (!match) {
    return undefined;
  }

  const octets = match.slice(1, 5).map(Number);
  const prefixLength = Number(match[5]);
  if (octets.some((octet) => octet > 255) || prefixLength > 32) {
    return undefined;
  }

  const network = octets.reduce((address, octet) => address * 256 + octet, 0);
  if (network % blockSize(prefixLength) !== 0) {
    return undefined;
  }
  return { network, prefixLength };
}

/** Formats a block back to `a.b.c.d/n`. */
export function formatIpv4Cidr(block: Ipv4Block): string {
  const octets = [24, 16, 8, 0].map((shift) => Math.floor(block.network / 2 ** shift) % 256);
  return `${octets.join('.')}/${block.prefixLength}`;
}

/**
 * Cuts `parent` into `count` consecutive blocks of `prefixLength`, from its first address:
 * the same blocks as Terraform's `cidrsubnet(parent, prefixLength - parent, i)` for i from 0.
 * Throws a RangeError when they do not fit; callers validate first and word a better error.
 */
export function splitIpv4Block(
  parent: Ipv4Block,
  prefixLength: number,
  count: number,
): Ipv4Block[] {
  if (prefixLength < parent.prefixLength || count > capacity(parent, prefixLength)) {
    throw new RangeError(
      `${count} blocks of /${prefixLength} do not fit in ${formatIpv4Cidr(parent)}.`,
    );
  }

  return Array.from({ length: count }, (_, index) => ({
    network: parent.network + index * blockSize(prefixLength),
    prefixLength,
  }));
}

/** How many blocks of `prefixLength` fit in `parent` (0 when the prefix is shorter). */
export function capacity(parent: Ipv4Block, prefixLength: number): number {
  return prefixLength < parent.prefixLength ? 0 : 2 ** (prefixLength - parent.prefixLength);
}

/** The longest prefix that still yields `count` equal blocks from `parent`'s range. */
export function prefixForEqualSplit(parent: Ipv4Block, count: number): number {
  return parent.prefixLength + Math.ceil(Math.log2(Math.max(count, 1)));
}

// Integer arithmetic instead of bit operators: JavaScript's `<<` and `&` work on signed 32-bit
// values and would turn addresses from 128.0.0.0 upwards negative.
function blockSize(prefixLength: number): number {
  return 2 ** (32 - prefixLength);
}
