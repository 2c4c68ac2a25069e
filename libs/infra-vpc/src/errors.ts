/**
 * Every message the VPC construct throws, written once, so that tests match on the factory's
 * output and a reworded message cannot silently drift from what the tests expect.
 */

/** A prop of `VpcNetwork` or `VpcFlowLog` had a value the construct cannot build from. */
export class VpcPropError extends Error {
  /** Name of the prop that was wrong. */
  readonly prop: string;

  constructor(prop: string, message: string) {
    super(message);
    this.name = 'VpcPropError';
    this.prop = prop;
  }
}

/** The CIDR is not a strict IPv4 `a.b.c.d/n` network address. */
export function invalidCidr(value: string): VpcPropError {
  return new VpcPropError(
    'cidrBlock',
    `cidrBlock must be an IPv4 network in CIDR notation with no host bits set, such as ` +
      `"10.0.0.0/16", got "${value}".`,
  );
}

/** The VPC range is outside what AWS accepts for a VPC's primary range. */
export function cidrPrefixOutOfRange(value: string, prefixLength: number): VpcPropError {
  return new VpcPropError(
    'cidrBlock',
    `cidrBlock must have a prefix from /16 to /28, as AWS requires for a VPC, got ` +
      `"${value}" (/${prefixLength}).`,
  );
}

/** The VPC range cannot hold one public and one private subnet per zone. */
export function cidrTooSmallForSubnets(
  value: string,
  subnetCount: number,
  subnetPrefixLength: number,
): VpcPropError {
  return new VpcPropError(
    'cidrBlock',
    `cidrBlock "${value}" cannot hold ${subnetCount} subnets of /${subnetPrefixLength} ` +
      `(one public and one private per zone): use a larger range (a shorter prefix), fewer ` +
      `zones, or a longer subnetPrefixLength.`,
  );
}

/** The subnet prefix is outside what AWS accepts for a subnet, or shorter than the VPC's. */
export function invalidSubnetPrefixLength(value: number, vpcPrefixLength: number): VpcPropError {
  return new VpcPropError(
    'subnetPrefixLength',
    `subnetPrefixLength must be an integer from ${Math.max(vpcPrefixLength, 16)} to 28 ` +
      `(at least the VPC's /${vpcPrefixLength}, at most AWS's smallest subnet), got ${value}.`,
  );
}

/** The zone count is not a whole number of zones that a region can offer. */
export function invalidZoneCount(value: number): VpcPropError {
  return new VpcPropError(
    'zoneCount',
    `zoneCount must be an integer from 1 to 6 (AWS regions have at most 6 zones), got ${value}.`,
  );
}

/** More NAT gateways than zones, or a negative or fractional count. */
export function invalidNatGateways(value: number, zoneCount: number): VpcPropError {
  return new VpcPropError(
    'natGateways',
    `natGateways must be an integer from 0 to zoneCount (${zoneCount}): 1 shares one gateway, ` +
      `${zoneCount} puts one in each zone, 0 leaves private subnets with no route out; ` +
      `got ${value}.`,
  );
}

/** A log retention CloudWatch Logs does not offer. */
export function invalidRetentionDays(prop: string, value: number, allowed: readonly number[]) {
  return new VpcPropError(
    prop,
    `${prop} must be one of CloudWatch Logs' retention periods (${allowed.join(', ')}), ` +
      `got ${value}.`,
  );
}

/** A name that cannot prefix AWS resource names and tags. */
export function invalidName(value: string): VpcPropError {
  return new VpcPropError(
    'name',
    `name must be 1 to 48 letters, digits or '-', starting with a letter, got "${value}".`,
  );
}
