import { describe, expect, it } from 'bun:test';
import { TerraformStack, Testing } from 'cdktf';
import {
  cidrPrefixOutOfRange,
  cidrTooSmallForSubnets,
  invalidCidr,
  invalidNatGateways,
  invalidRetentionDays,
  invalidZoneCount,
  VpcNetwork,
  type VpcNetworkProps,
} from '../src';
import { LOG_RETENTION_DAYS } from '@simple-time-service/infra-common';
import { resourcesOf, synthesize } from '@simple-time-service/infra-common/testing';

function synthNetwork(props: VpcNetworkProps = {}) {
  return synthesize((scope) => new VpcNetwork(scope, 'Network', props));
}

function buildNetwork(props: VpcNetworkProps): () => void {
  return () => new VpcNetwork(testStack(), 'Network', props);
}

describe('VpcNetwork', () => {
  it('creates a VPC on 10.0.0.0/16 with DNS support and host names by default', () => {
    const [vpc] = resourcesOf(synthNetwork(), 'aws_vpc');

    expect(vpc).toMatchObject({
      cidr_block: '10.0.0.0/16',
      enable_dns_support: true,
      enable_dns_hostnames: true,
    });
  });

  it('splits the range into one public and one private subnet per zone, public first', () => {
    const subnets = resourcesOf(synthNetwork(), 'aws_subnet');

    const byRange = subnets.map((subnet) => [subnet.cidr_block, tierOf(subnet)]).sort();

    expect(byRange).toEqual([
      ['10.0.0.0/18', 'public'],
      ['10.0.128.0/18', 'private'],
      ['10.0.192.0/18', 'private'],
      ['10.0.64.0/18', 'public'],
    ]);
  });

  it('takes zone names by index from aws_availability_zones, never wrapping around', () => {
    const stack = synthNetwork({ zoneCount: 3 });
    const zones = resourcesOf(stack, 'aws_subnet').map((subnet) => subnet.availability_zone);

    expect(Object.keys(stack.data?.aws_availability_zones ?? {})).toHaveLength(1);
    expect(zones.slice(0, 3)).toEqual([0, 1, 2].map((index) => zoneExpression(index)));
    expect(zones.slice(3)).toEqual(zones.slice(0, 3));
  });

  it('creates one shared NAT gateway by default and routes every private zone to it', () => {
    const stack = synthNetwork();
    const [nat] = Object.keys(stack.resource!.aws_nat_gateway!);
    const privateRoutes = resourcesOf(stack, 'aws_route').filter((route) => route.nat_gateway_id);

    expect(resourcesOf(stack, 'aws_nat_gateway')).toHaveLength(1);
    expect(privateRoutes.map((route) => route.nat_gateway_id)).toEqual([
      `\${aws_nat_gateway.${nat}.id}`,
      `\${aws_nat_gateway.${nat}.id}`,
    ]);
  });

  it('creates one NAT gateway per zone, each in its own public subnet, when asked', () => {
    const stack = synthNetwork({ zoneCount: 3, natGateways: 3 });
    const nats = resourcesOf(stack, 'aws_nat_gateway');
    const routes = resourcesOf(stack, 'aws_route').filter((route) => route.nat_gateway_id);

    expect(new Set(nats.map((nat) => nat.subnet_id)).size).toBe(3);
    expect(new Set(routes.map((route) => route.nat_gateway_id)).size).toBe(3);
  });

  it('leaves private subnets without a default route when natGateways is 0', () => {
    const stack = synthNetwork({ natGateways: 0 });

    expect(resourcesOf(stack, 'aws_nat_gateway')).toHaveLength(0);
    expect(resourcesOf(stack, 'aws_route').filter((route) => route.nat_gateway_id)).toEqual([]);
  });

  it('routes the public subnets to the internet gateway through one shared table', () => {
    const stack = synthNetwork();
    const [igw] = Object.keys(stack.resource!.aws_internet_gateway!);
    const [publicRoute] = resourcesOf(stack, 'aws_route').filter((route) => route.gateway_id);

    expect(publicRoute).toMatchObject({
      destination_cidr_block: '0.0.0.0/0',
      gateway_id: `\${aws_internet_gateway.${igw}.id}`,
    });
    expect(resourcesOf(stack, 'aws_route_table_association')).toHaveLength(4);
  });

  it('empties the default security group', () => {
    const [group] = resourcesOf(synthNetwork(), 'aws_default_security_group');

    expect(group).toBeDefined();
    expect(group!.ingress).toBeUndefined();
    expect(group!.egress).toBeUndefined();
  });

  it('adds no flow log unless asked', () => {
    expect(resourcesOf(synthNetwork(), 'aws_flow_log')).toHaveLength(0);
  });

  it('sends flow logs to a log group with the retention asked for', () => {
    const stack = synthNetwork({ flowLogs: true, flowLogRetentionDays: 90 });

    expect(resourcesOf(stack, 'aws_flow_log')).toHaveLength(1);
    expect(resourcesOf(stack, 'aws_cloudwatch_log_group')[0]).toMatchObject({
      retention_in_days: 90,
    });
  });

  it('puts the caller tags on every tagged resource after the Name tag', () => {
    const stack = synthNetwork({ name: 'shop', tags: { Team: 'web' } });

    for (const type of ['aws_vpc', 'aws_subnet', 'aws_nat_gateway', 'aws_route_table']) {
      for (const resource of resourcesOf(stack, type)) {
        expect(resource.tags).toMatchObject({ Team: 'web', Name: expect.stringMatching(/^shop-/) });
      }
    }
  });

  it('exposes the subnet ranges by tier and the VPC range', () => {
    const network = new VpcNetwork(testStack(), 'Network', {
      cidrBlock: '10.20.0.0/20',
      subnetPrefixLength: 24,
    });

    expect(network.cidrBlock).toBe('10.20.0.0/20');
    expect(network.publicSubnetCidrBlocks).toEqual(['10.20.0.0/24', '10.20.1.0/24']);
    expect(network.privateSubnetCidrBlocks).toEqual(['10.20.2.0/24', '10.20.3.0/24']);
    expect(network.publicSubnetIds).toHaveLength(2);
    expect(network.privateSubnetIds).toHaveLength(2);
  });

  describe('validation', () => {
    it('throws when the CIDR is not a network address', () => {
      expect(buildNetwork({ cidrBlock: '10.0.0.1/16' })).toThrow(
        invalidCidr('10.0.0.1/16').message,
      );
    });

    it('throws when the CIDR prefix is outside /16 to /28', () => {
      expect(buildNetwork({ cidrBlock: '10.0.0.0/8' })).toThrow(
        cidrPrefixOutOfRange('10.0.0.0/8', 8).message,
      );
    });

    it('throws when the CIDR is too small for the subnets', () => {
      expect(buildNetwork({ cidrBlock: '10.0.0.0/26', zoneCount: 3 })).toThrow(
        cidrTooSmallForSubnets('10.0.0.0/26', 6, 29).message,
      );
    });

    it.each([0, 7, 1.5])('throws when zoneCount is %p', (zoneCount) => {
      expect(buildNetwork({ zoneCount })).toThrow(invalidZoneCount(zoneCount).message);
    });

    it('throws when natGateways exceeds the zone count', () => {
      expect(buildNetwork({ natGateways: 3 })).toThrow(invalidNatGateways(3, 2).message);
    });

    it('throws when the flow log retention is not one CloudWatch offers', () => {
      expect(buildNetwork({ flowLogs: true, flowLogRetentionDays: 10 })).toThrow(
        invalidRetentionDays('flowLogRetentionDays', 10, LOG_RETENTION_DAYS).message,
      );
    });
  });
});

function testStack(): TerraformStack {
  return new TerraformStack(Testing.app(), 'Test');
}

function tierOf(subnet: Record<string, unknown>): string | undefined {
  return (subnet.tags as Record<string, string> | undefined)?.Tier;
}

function zoneExpression(index: number): string {
  return expect.stringMatching(
    new RegExp(`^\\$\\{data\\.aws_availability_zones\\.\\w+\\.names\\.${index}\\}$`),
  ) as unknown as string;
}
