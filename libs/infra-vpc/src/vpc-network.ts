import { DataAwsAvailabilityZones } from '@cdktf/provider-aws/lib/data-aws-availability-zones';
import { DefaultSecurityGroup } from '@cdktf/provider-aws/lib/default-security-group';
import { Eip } from '@cdktf/provider-aws/lib/eip';
import { InternetGateway } from '@cdktf/provider-aws/lib/internet-gateway';
import { NatGateway } from '@cdktf/provider-aws/lib/nat-gateway';
import { Route } from '@cdktf/provider-aws/lib/route';
import { RouteTable } from '@cdktf/provider-aws/lib/route-table';
import { RouteTableAssociation } from '@cdktf/provider-aws/lib/route-table-association';
import { Subnet } from '@cdktf/provider-aws/lib/subnet';
import { Vpc } from '@cdktf/provider-aws/lib/vpc';
import { Fn, Token } from 'cdktf';
import { Construct } from 'constructs';
import { normalizeVpcProps, type NormalizedVpcProps } from './private/normalize-props';
import { VpcFlowLog, type FlowLogTrafficType } from './vpc-flow-log';

/** Props of `VpcNetwork`. */
export interface VpcNetworkProps {
  /** Prefix of every Name tag, and of the flow log's log group and role. @default - the id */
  readonly name?: string;
  /** IPv4 range of the VPC, /16 to /28. @default '10.0.0.0/16' */
  readonly cidrBlock?: string;
  /**
   * Availability zones to spread over, each with one public and one private subnet. The zone
   * names come from the region's `aws_availability_zones` at plan time, never from code.
   * @default 2
   */
  readonly zoneCount?: number;
  /**
   * NAT gateways, 0 to `zoneCount`. Private subnets use the gateway of their own zone when
   * there is one, else share the others. A gateway bills by the hour, so one is cheaper; one
   * per zone keeps outbound traffic working when a zone fails.
   * @default 1 - one NAT gateway shared by all zones
   */
  readonly natGateways?: number;
  /**
   * Prefix length of every subnet, 16 to 28.
   * @default - the VPC range split into the fewest equal blocks that hold 2 × zoneCount
   */
  readonly subnetPrefixLength?: number;
  /** Record the VPC's traffic in CloudWatch Logs. @default false */
  readonly flowLogs?: boolean;
  /** Days the flow log records are kept, when `flowLogs` is on. @default 30 */
  readonly flowLogRetentionDays?: number;
  /** Packets the flow log records, when `flowLogs` is on. @default 'ALL' */
  readonly flowLogTrafficType?: FlowLogTrafficType;
  /** Tags added to every resource, after the Name tag. @default - none */
  readonly tags?: Readonly<Record<string, string>>;
}

/**
 * A VPC over several availability zones: one public subnet per zone behind an internet
 * gateway, one private subnet per zone that reaches out through NAT, and nothing allowed by
 * the VPC's default security group.
 */
export class VpcNetwork extends Construct {
  /** The VPC. */
  readonly vpc: Vpc;
  /** ID of the VPC. */
  readonly vpcId: string;
  /** IPv4 range of the VPC. */
  readonly cidrBlock: string;
  /** Public subnets, one per zone, in zone order. */
  readonly publicSubnets: readonly Subnet[];
  /** Private subnets, one per zone, in zone order. */
  readonly privateSubnets: readonly Subnet[];
  /** IDs of the public subnets, in zone order. */
  readonly publicSubnetIds: string[];
  /** IDs of the private subnets, in zone order. */
  readonly privateSubnetIds: string[];
  /** IPv4 ranges of the public subnets, known at synth time, in zone order. */
  readonly publicSubnetCidrBlocks: readonly string[];
  /** IPv4 ranges of the private subnets, known at synth time, in zone order. */
  readonly privateSubnetCidrBlocks: readonly string[];
  /** Names of the zones used, in order (tokens resolved at plan time). */
  readonly availabilityZones: readonly string[];
  /** The NAT gateways, possibly none. */
  readonly natGateways: readonly NatGateway[];
  /** The flow log, when `flowLogs` is on. */
  readonly flowLog?: VpcFlowLog;

  constructor(scope: Construct, id: string, props: VpcNetworkProps = {}) {
    super(scope, id);
    const config = normalizeVpcProps(id, props);
    const tagged = (name: string) => ({ Name: `${config.name}-${name}`, ...config.tags });

    const zones = lookUpZones(this);
    // An index, not element(): element() wraps around, so a region with fewer zones than
    // zoneCount would quietly get two subnets of a tier in one zone; an index past the end
    // fails the plan instead.
    this.availabilityZones = Array.from({ length: config.zoneCount }, (_, zone) =>
      Token.asString(Fn.lookupNested(zones.names, [zone])),
    );

    this.vpc = new Vpc(this, 'Vpc', {
      cidrBlock: config.cidrBlock,
      enableDnsSupport: true,
      enableDnsHostnames: true,
      tags: tagged('vpc'),
    });
    this.vpcId = this.vpc.id;
    this.cidrBlock = config.cidrBlock;

    // Managing the default group with no rules empties it, so a resource that someone
    // launches without a group of its own gets no traffic in or out.
    new DefaultSecurityGroup(this, 'DefaultSecurityGroup', {
      vpcId: this.vpc.id,
      tags: tagged('default-deny-all'),
    });

    const internetGateway = new InternetGateway(this, 'InternetGateway', {
      vpcId: this.vpc.id,
      tags: tagged('igw'),
    });

    this.publicSubnets = config.publicSubnetCidrs.map(
      (cidrBlock, zone) =>
        new Subnet(this, `PublicSubnet${zone + 1}`, {
          vpcId: this.vpc.id,
          cidrBlock,
          availabilityZone: this.availabilityZones[zone],
          // Nothing in the public tier needs an automatic public address: the ALB and the
          // NAT gateways get theirs from AWS, and anything else should ask explicitly.
          mapPublicIpOnLaunch: false,
          tags: { ...tagged(`public-${zone + 1}`), Tier: 'public' },
        }),
    );
    this.privateSubnets = config.privateSubnetCidrs.map(
      (cidrBlock, zone) =>
        new Subnet(this, `PrivateSubnet${zone + 1}`, {
          vpcId: this.vpc.id,
          cidrBlock,
          availabilityZone: this.availabilityZones[zone],
          mapPublicIpOnLaunch: false,
          tags: { ...tagged(`private-${zone + 1}`), Tier: 'private' },
        }),
    );
    this.publicSubnetIds = this.publicSubnets.map((subnet) => subnet.id);
    this.privateSubnetIds = this.privateSubnets.map((subnet) => subnet.id);
    this.publicSubnetCidrBlocks = config.publicSubnetCidrs;
    this.privateSubnetCidrBlocks = config.privateSubnetCidrs;

    this.routePublicSubnets(internetGateway, tagged);
    this.natGateways = this.createNatGateways(config, internetGateway, tagged);
    this.routePrivateSubnets(tagged);

    if (config.flowLogs) {
      this.flowLog = new VpcFlowLog(this, 'FlowLog', {
        vpcId: this.vpc.id,
        name: config.name,
        retentionDays: config.flowLogRetentionDays,
        trafficType: config.flowLogTrafficType,
        tags: config.tags,
      });
    }
  }

  private routePublicSubnets(internetGateway: InternetGateway, tagged: Tagger): void {
    const table = new RouteTable(this, 'PublicRouteTable', {
      vpcId: this.vpc.id,
      tags: tagged('public'),
    });
    new Route(this, 'PublicDefaultRoute', {
      routeTableId: table.id,
      destinationCidrBlock: '0.0.0.0/0',
      gatewayId: internetGateway.id,
    });
    this.publicSubnets.forEach(
      (subnet, zone) =>
        new RouteTableAssociation(this, `PublicRouteTableAssociation${zone + 1}`, {
          subnetId: subnet.id,
          routeTableId: table.id,
        }),
    );
  }

  private createNatGateways(
    config: NormalizedVpcProps,
    internetGateway: InternetGateway,
    tagged: Tagger,
  ): NatGateway[] {
    return Array.from({ length: config.natGateways }, (_, zone) => {
      const address = new Eip(this, `NatAddress${zone + 1}`, {
        domain: 'vpc',
        tags: tagged(`nat-${zone + 1}`),
      });

      // A NAT gateway created before the internet gateway is attached comes up unable to
      // forward anything, so the dependency is stated rather than left to chance.
      return new NatGateway(this, `NatGateway${zone + 1}`, {
        allocationId: address.allocationId,
        subnetId: this.publicSubnets[zone]!.id,
        tags: tagged(`nat-${zone + 1}`),
        dependsOn: [internetGateway],
      });
    });
  }

  private routePrivateSubnets(tagged: Tagger): void {
    this.privateSubnets.forEach((subnet, zone) => {
      const table = new RouteTable(this, `PrivateRouteTable${zone + 1}`, {
        vpcId: this.vpc.id,
        tags: tagged(`private-${zone + 1}`),
      });
      new RouteTableAssociation(this, `PrivateRouteTableAssociation${zone + 1}`, {
        subnetId: subnet.id,
        routeTableId: table.id,
      });

      const natGateway = this.natGateways[zone % Math.max(this.natGateways.length, 1)];
      if (natGateway) {
        new Route(this, `PrivateDefaultRoute${zone + 1}`, {
          routeTableId: table.id,
          destinationCidrBlock: '0.0.0.0/0',
          natGatewayId: natGateway.id,
        });
      }
    });
  }
}

type Tagger = (name: string) => Record<string, string>;

function lookUpZones(scope: Construct): DataAwsAvailabilityZones {
  return new DataAwsAvailabilityZones(scope, 'Zones', {
    state: 'available',
    // Local Zones and Wavelength Zones are opt-in and lack services an ALB and Fargate need.
    filter: [{ name: 'opt-in-status', values: ['opt-in-not-required'] }],
  });
}
