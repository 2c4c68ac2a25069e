import { Lb } from '@cdktf/provider-aws/lib/lb';
import { LbListener } from '@cdktf/provider-aws/lib/lb-listener';
import { LbTargetGroup } from '@cdktf/provider-aws/lib/lb-target-group';
import { SecurityGroup } from '@cdktf/provider-aws/lib/security-group';
import { VpcSecurityGroupIngressRule } from '@cdktf/provider-aws/lib/vpc-security-group-ingress-rule';
import { Construct } from 'constructs';

/** Props of `PublicLoadBalancer`. Defaults are applied by `AppService`, so all are required. */
export interface PublicLoadBalancerProps {
  /** Prefix of the ALB, target group and security group names. */
  readonly name: string;
  /** VPC of the target group and the security group. */
  readonly vpcId: string;
  /** Public subnets the ALB's nodes live in, in at least two zones. */
  readonly subnetIds: string[];
  /** Port the targets listen on. */
  readonly targetPort: number;
  /** Path the target group's health check requests. */
  readonly healthCheckPath: string;
  /** Seconds an idle connection stays open; below the targets' keep-alive timeout. */
  readonly idleTimeoutSeconds: number;
  /** Seconds a deregistering target keeps serving its in-flight requests. */
  readonly deregistrationDelaySeconds: number;
  /** ACM certificate for a 443 listener; when set, port 80 only redirects to HTTPS. */
  readonly certificateArn?: string;
  /** TLS policy of the 443 listener. */
  readonly sslPolicy: string;
  /** Refuse to delete the ALB until this is turned off. */
  readonly deletionProtection: boolean;
  /** Tags added to every resource, after the Name tag. */
  readonly tags: Readonly<Record<string, string>>;
}

/**
 * An internet-facing Application Load Balancer in front of one IP target group, with its
 * security group open to the internet on 80 (and 443 with a certificate) only.
 */
export class PublicLoadBalancer extends Construct {
  /** The ALB's security group: the only source the targets accept traffic from. */
  readonly securityGroup: SecurityGroup;
  /** The load balancer. */
  readonly loadBalancer: Lb;
  /** The target group the service registers its tasks' IP addresses in. */
  readonly targetGroup: LbTargetGroup;
  /** The listeners; a service must wait for them before it registers targets. */
  readonly listeners: readonly LbListener[];

  constructor(scope: Construct, id: string, props: PublicLoadBalancerProps) {
    super(scope, id);
    const tagged = (suffix: string) => ({ Name: `${props.name}-${suffix}`, ...props.tags });
    const ports = props.certificateArn ? [80, 443] : [80];

    this.securityGroup = new SecurityGroup(this, 'SecurityGroup', {
      name: `${props.name}-alb`,
      description: `Internet to the ${props.name} load balancer on ${ports.join(' and ')}`,
      vpcId: props.vpcId,
      tags: tagged('alb'),
    });
    for (const port of ports) {
      new VpcSecurityGroupIngressRule(this, `IngressFromInternet${port}`, {
        securityGroupId: this.securityGroup.id,
        description: `HTTP${port === 443 ? 'S' : ''} from the internet`,
        ipProtocol: 'tcp',
        fromPort: port,
        toPort: port,
        cidrIpv4: '0.0.0.0/0',
        tags: tagged(`alb-in-${port}`),
      });
    }

    this.loadBalancer = new Lb(this, 'LoadBalancer', {
      name: `${props.name}-alb`,
      loadBalancerType: 'application',
      internal: false,
      subnets: props.subnetIds,
      securityGroups: [this.securityGroup.id],
      // Requests with header names an HTTP parser might read two ways are refused at the
      // edge rather than passed to the service (request smuggling).
      dropInvalidHeaderFields: true,
      // 'append' adds the caller's address as the rightmost X-Forwarded-For entry, which is
      // the one hop the service can trust because it came from the ALB itself.
      xffHeaderProcessingMode: 'append',
      idleTimeout: props.idleTimeoutSeconds,
      enableDeletionProtection: props.deletionProtection,
      tags: tagged('alb'),
    });

    this.targetGroup = new LbTargetGroup(this, 'TargetGroup', {
      // The port is in the name so that a port change creates the new group before the old
      // one is destroyed, instead of failing on a name that is still taken.
      name: `${props.name}-${props.targetPort}`,
      targetType: 'ip',
      protocol: 'HTTP',
      port: props.targetPort,
      vpcId: props.vpcId,
      // AWS's default of 300 s would make every deploy wait five minutes per task.
      deregistrationDelay: String(props.deregistrationDelaySeconds),
      healthCheck: {
        enabled: true,
        protocol: 'HTTP',
        port: 'traffic-port',
        path: props.healthCheckPath,
        matcher: '200',
        interval: 15,
        timeout: 5,
        healthyThreshold: 2,
        unhealthyThreshold: 3,
      },
      lifecycle: { createBeforeDestroy: true },
      tags: tagged('tg'),
    });

    this.listeners = props.certificateArn
      ? [this.redirectToHttps(), this.forwardHttps(props.certificateArn, props.sslPolicy)]
      : [this.forwardHttp()];
  }

  private forwardHttp(): LbListener {
    return new LbListener(this, 'HttpListener', {
      loadBalancerArn: this.loadBalancer.arn,
      port: 80,
      protocol: 'HTTP',
      defaultAction: [{ type: 'forward', targetGroupArn: this.targetGroup.arn }],
    });
  }

  private redirectToHttps(): LbListener {
    return new LbListener(this, 'HttpListener', {
      loadBalancerArn: this.loadBalancer.arn,
      port: 80,
      protocol: 'HTTP',
      defaultAction: [
        { type: 'redirect', redirect: { port: '443', protocol: 'HTTPS', statusCode: 'HTTP_301' } },
      ],
    });
  }

  private forwardHttps(certificateArn: string, sslPolicy: string): LbListener {
    return new LbListener(this, 'HttpsListener', {
      loadBalancerArn: this.loadBalancer.arn,
      port: 443,
      protocol: 'HTTPS',
      certificateArn,
      sslPolicy,
      defaultAction: [{ type: 'forward', targetGroupArn: this.targetGroup.arn }],
    });
  }
}
