import {
  cidrPrefixOutOfRange,
  cidrTooSmallForSubnets,
  invalidCidr,
  invalidName,
  invalidNatGateways,
  invalidRetentionDays,
  invalidSubnetPrefixLength,
  invalidZoneCount,
} from '../errors';
import type { FlowLogTrafficType } from '../vpc-flow-log';
import type { VpcNetworkProps } from '../vpc-network';
import {
  capacity,
  formatIpv4Cidr,
  parseIpv4Cidr,
  prefixForEqualSplit,
  splitIpv4Block,
} from './cidr';
import { LOG_RETENTION_DAYS } from '@simple-time-service/infra-common';

/** Default VPC range: 65,536 addresses, room for subnets of any size ECS needs. */
export const DEFAULT_VPC_CIDR = '10.0.0.0/16';

/** Default number of availability zones: the fewest an ALB accepts. */
export const DEFAULT_ZONE_COUNT = 2;

/** `VpcNetworkProps` with every default applied and every value checked. */
export interface NormalizedVpcProps {
  readonly name: string;
  readonly cidrBlock: string;
  readonly zoneCount: number;
  readonly natGateways: number;
  readonly publicSubnetCidrs: readonly string[];
  readonly privateSubnetCidrs: readonly string[];
  readonly flowLogs: boolean;
  readonly flowLogRetentionDays: number;
  readonly flowLogTrafficType: FlowLogTrafficType;
  readonly tags: Readonly<Record<string, string>>;
}

const NAME_PATTERN = /^[A-Za-z][A-Za-z0-9-]{0,47}$/;

/**
 * Applies defaults and validates every prop before any resource exists, so a bad value fails
 * the synth with a message about that prop instead of a Terraform error at apply time.
 */
export function normalizeVpcProps(id: string, props: VpcNetworkProps): NormalizedVpcProps {
  const name = props.name ?? id;
  if (!NAME_PATTERN.test(name)) {
    throw invalidName(name);
  }

  const cidrBlock = props.cidrBlock ?? DEFAULT_VPC_CIDR;
  const vpcBlock = parseIpv4Cidr(cidrBlock);
  if (!vpcBlock) {
    throw invalidCidr(cidrBlock);
  }
  if (vpcBlock.prefixLength < 16 || vpcBlock.prefixLength > 28) {
    throw cidrPrefixOutOfRange(cidrBlock, vpcBlock.prefixLength);
  }

  const zoneCount = props.zoneCount ?? DEFAULT_ZONE_COUNT;
  if (!Number.isInteger(zoneCount) || zoneCount < 1 || zoneCount > 6) {
    throw invalidZoneCount(zoneCount);
  }

  const natGateways = props.natGateways ?? 1;
  if (!Number.isInteger(natGateways) || natGateways < 0 || natGateways > zoneCount) {
    throw invalidNatGateways(natGateways, zoneCount);
  }

  const subnetCount = 2 * zoneCount;
  const subnetPrefixLength = props.subnetPrefixLength ?? prefixForEqualSplit(vpcBlock, subnetCount);
  const explicitPrefix = props.subnetPrefixLength !== undefined;
  if (
    explicitPrefix &&
    (!Number.isInteger(subnetPrefixLength) ||
      subnetPrefixLength < Math.max(vpcBlock.prefixLength, 16) ||
      subnetPrefixLength > 28)
  ) {
    throw invalidSubnetPrefixLength(subnetPrefixLength, vpcBlock.prefixLength);
  }
  if (subnetPrefixLength > 28 || capacity(vpcBlock, subnetPrefixLength) < subnetCount) {
    throw cidrTooSmallForSubnets(cidrBlock, subnetCount, subnetPrefixLength);
  }

  const flowLogRetentionDays = props.flowLogRetentionDays ?? 30;
  if (!LOG_RETENTION_DAYS.includes(flowLogRetentionDays)) {
    throw invalidRetentionDays('flowLogRetentionDays', flowLogRetentionDays, LOG_RETENTION_DAYS);
  }

  // Public subnets take the first blocks and private ones the next, so that the public tier
  // is one contiguous run of addresses that is easy to read in a route table or a log.
  const subnets = splitIpv4Block(vpcBlock, subnetPrefixLength, subnetCount).map(formatIpv4Cidr);
  return {
    name,
    cidrBlock,
    zoneCount,
    natGateways,
    publicSubnetCidrs: subnets.slice(0, zoneCount),
    privateSubnetCidrs: subnets.slice(zoneCount),
    flowLogs: props.flowLogs ?? false,
    flowLogRetentionDays,
    flowLogTrafficType: props.flowLogTrafficType ?? 'ALL',
    tags: props.tags ?? {},
  };
}
