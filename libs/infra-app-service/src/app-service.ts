import { CloudwatchLogGroup } from '@cdktf/provider-aws/lib/cloudwatch-log-group';
import { DataAwsRegion } from '@cdktf/provider-aws/lib/data-aws-region';
import { EcsCluster } from '@cdktf/provider-aws/lib/ecs-cluster';
import { EcsService } from '@cdktf/provider-aws/lib/ecs-service';
import { EcsTaskDefinition } from '@cdktf/provider-aws/lib/ecs-task-definition';
import { SecurityGroup } from '@cdktf/provider-aws/lib/security-group';
import { VpcSecurityGroupEgressRule } from '@cdktf/provider-aws/lib/vpc-security-group-egress-rule';
import { VpcSecurityGroupIngressRule } from '@cdktf/provider-aws/lib/vpc-security-group-ingress-rule';
import { Fn, Token } from 'cdktf';
import { Construct } from 'constructs';
import { containerDefinition, SCRATCH_VOLUME } from './private/container-definition';
import {
  normalizeAppServiceProps,
  type NormalizedAppServiceProps,
} from './private/normalize-props';
import { PublicLoadBalancer } from './public-load-balancer';
import { ServiceAutoScaling } from './service-auto-scaling';
import { TaskRoles } from './task-roles';

/** CPU architecture of the Fargate tasks; the image must be built for it. */
export type CpuArchitecture = 'X86_64' | 'ARM64';

/**
 * The network the service runs in. `VpcNetwork` from `@simple-time-service/infra-vpc` fits
 * as it is; an existing VPC fits as plain IDs and ranges.
 */
export interface AppServiceNetwork {
  /** ID of the VPC. */
  readonly vpcId: string;
  /** Subnets for the load balancer, in at least two availability zones. */
  readonly publicSubnetIds: string[];
  /** Subnets for the tasks, with a route out through NAT for image pulls and logs. */
  readonly privateSubnetIds: string[];
  /**
   * IPv4 ranges of the public subnets. Only the ALB lives there, so the service trusts
   * X-Forwarded-For entries written by addresses in these ranges and no others.
   */
  readonly publicSubnetCidrBlocks: readonly string[];
}

/** Target tracking bounds and goals of `AppService`'s autoscaling. */
export interface AppServiceAutoScaling {
  /** Fewest tasks to keep running. */
  readonly minCapacity: number;
  /** Most tasks to run. */
  readonly maxCapacity: number;
  /** Average CPU use, in percent, that scaling aims for. @default 60 */
  readonly targetCpuPercent?: number;
  /** ALB requests per task per minute that scaling aims for. @default 1000 */
  readonly targetRequestsPerTarget?: number;
}

/** Props of `AppService`. */
export interface AppServiceProps {
  /** Prefix of every resource name, at most 26 characters. @default - the construct id */
  readonly name?: string;
  /** Where the load balancer and the tasks go. */
  readonly network: AppServiceNetwork;
  /** Image to run, `repository:tag` or `repository@sha256:...`; never a moving tag. */
  readonly image: string;
  /** Port the container listens on; also the target group's port. @default CONTAINER_PORT */
  readonly containerPort?: number;
  /** CPU units of a task (1024 = 1 vCPU), as Fargate sizes them. @default 256 */
  readonly cpu?: number;
  /** Memory of a task in MiB; must pair with `cpu` as Fargate allows. @default 512 */
  readonly memoryMiB?: number;
  /** Tasks to run; the starting count when autoscaling is on. @default 2 */
  readonly desiredCount?: number;
  /** CPU architecture of the tasks. @default 'X86_64' */
  readonly cpuArchitecture?: CpuArchitecture;
  /** Path the ALB and the container health check request. @default HEALTH_CHECK_PATH */
  readonly healthCheckPath?: string;
  /** Seconds ECS ignores failing ALB health checks after a task starts. @default 30 */
  readonly healthCheckGracePeriodSeconds?: number;
  /**
   * Seconds the ALB keeps an idle connection; must stay below the service's keep-alive.
   * @default LOAD_BALANCER_IDLE_TIMEOUT_SECONDS
   */
  readonly idleTimeoutSeconds?: number;
  /** Seconds a stopping task keeps its in-flight requests before deregistering. @default 15 */
  readonly deregistrationDelaySeconds?: number;
  /** Seconds from SIGTERM to SIGKILL. @default CONTAINER_STOP_TIMEOUT_SECONDS */
  readonly stopTimeoutSeconds?: number;
  /**
   * ACM certificate ARN. When set, the ALB listens on 443 with it and port 80 redirects there.
   * @default - HTTP only, on port 80
   */
  readonly certificateArn?: string;
  /** Host name that points at the ALB, used in `serviceUrl`. @default - the ALB's DNS name */
  readonly domainName?: string;
  /** TLS policy of the HTTPS listener. @default 'ELBSecurityPolicy-TLS13-1-2-2021-06' */
  readonly sslPolicy?: string;
  /** Scale the task count on CPU and on requests per task. @default - a fixed desiredCount */
  readonly autoScaling?: AppServiceAutoScaling;
  /** Days CloudWatch keeps the container logs. @default 30 */
  readonly logRetentionDays?: number;
  /** Extra environment variables; PORT and TRUST_PROXY are set by the construct. @default {} */
  readonly environment?: Readonly<Record<string, string>>;
  /** Container Insights metrics of the cluster. @default 'enabled' */
  readonly containerInsights?: 'enabled' | 'enhanced' | 'disabled';
  /** Refuse to delete the ALB until this is turned off. @default false */
  readonly deletionProtection?: boolean;
  /** Tags added to every resource, after the Name tag. @default - none */
  readonly tags?: Readonly<Record<string, string>>;
}

/**
 * A containerised HTTP service on ECS Fargate: tasks in private subnets with no public
 * address, reachable only from an internet-facing ALB in the public subnets. A deploy waits
 * until the service is steady, and the circuit breaker rolls back a release whose tasks never
 * turn healthy, so that such a release fails the deploy instead of reporting success.
 */
export class AppService extends Construct {
  /** The load balancer, its target group, listeners and security group. */
  readonly loadBalancer: PublicLoadBalancer;
  /** Security group of the tasks. */
  readonly taskSecurityGroup: SecurityGroup;
  /** The ECS cluster. */
  readonly cluster: EcsCluster;
  /** The task definition. */
  readonly taskDefinition: EcsTaskDefinition;
  /** The ECS service. */
  readonly service: EcsService;
  /** Log group of the containers. */
  readonly logGroup: CloudwatchLogGroup;
  /** Execution role and task role. */
  readonly roles: TaskRoles;
  /** Autoscaling of the task count, when `autoScaling` is set. */
  readonly autoScaling?: ServiceAutoScaling;
  /** Where the service answers: `http://` or `https://` and the domain or the ALB's name. */
  readonly serviceUrl: string;
  /** DNS name of the load balancer. */
  readonly loadBalancerDnsName: string;
  /** Name of the ECS cluster. */
  readonly clusterName: string;
  /** Name of the ECS service. */
  readonly serviceName: string;
  /** Name of the containers' log group. */
  readonly logGroupName: string;

  constructor(scope: Construct, id: string, props: AppServiceProps) {
    super(scope, id);
    const config = normalizeAppServiceProps(id, props);
    const tagged = (suffix: string) => ({ Name: `${config.name}-${suffix}`, ...config.tags });

    this.loadBalancer = new PublicLoadBalancer(this, 'LoadBalancer', {
      name: config.name,
      vpcId: props.network.vpcId,
      subnetIds: props.network.publicSubnetIds,
      targetPort: config.containerPort,
      healthCheckPath: config.healthCheckPath,
      idleTimeoutSeconds: config.idleTimeoutSeconds,
      deregistrationDelaySeconds: config.deregistrationDelaySeconds,
      certificateArn: config.certificateArn,
      sslPolicy: config.sslPolicy,
      deletionProtection: config.deletionProtection,
      tags: config.tags,
    });
    this.taskSecurityGroup = this.createTaskSecurityGroup(props.network, config, tagged);

    this.logGroup = new CloudwatchLogGroup(this, 'LogGroup', {
      name: `/ecs/${config.name}`,
      retentionInDays: config.logRetentionDays,
      tags: tagged('logs'),
    });
    this.roles = new TaskRoles(this, 'Roles', { name: config.name, tags: config.tags });

    this.cluster = new EcsCluster(this, 'Cluster', {
      name: config.name,
      setting: [{ name: 'containerInsights', value: config.containerInsights }],
      tags: tagged('cluster'),
    });
    this.taskDefinition = this.createTaskDefinition(props, config, tagged);
    this.service = this.createService(props.network, config, tagged);

    if (config.autoScaling) {
      this.autoScaling = new ServiceAutoScaling(this, 'AutoScaling', {
        clusterName: this.cluster.name,
        serviceName: this.service.name,
        ...config.autoScaling,
        requestCountResourceLabel:
          `${this.loadBalancer.loadBalancer.arnSuffix}/` +
          `${this.loadBalancer.targetGroup.arnSuffix}`,
        tags: tagged('scaling'),
      });
    }

    this.loadBalancerDnsName = this.loadBalancer.loadBalancer.dnsName;
    const scheme = config.certificateArn ? 'https' : 'http';
    this.serviceUrl = `${scheme}://${props.domainName ?? this.loadBalancerDnsName}`;
    this.clusterName = this.cluster.name;
    this.serviceName = this.service.name;
    this.logGroupName = this.logGroup.name;
  }

  private createTaskSecurityGroup(
    network: AppServiceNetwork,
    config: NormalizedAppServiceProps,
    tagged: Tagger,
  ): SecurityGroup {
    const albGroup = this.loadBalancer.securityGroup;
    const taskGroup = new SecurityGroup(this, 'TaskSecurityGroup', {
      name: `${config.name}-tasks`,
      description: `ALB to the ${config.name} tasks on ${config.containerPort} only`,
      vpcId: network.vpcId,
      tags: tagged('tasks'),
    });

    new VpcSecurityGroupIngressRule(this, 'TaskIngressFromLoadBalancer', {
      securityGroupId: taskGroup.id,
      description: 'Container port from the load balancer only',
      ipProtocol: 'tcp',
      fromPort: config.containerPort,
      toPort: config.containerPort,
      referencedSecurityGroupId: albGroup.id,
      tags: tagged('tasks-in'),
    });
    new VpcSecurityGroupEgressRule(this, 'LoadBalancerEgressToTasks', {
      securityGroupId: albGroup.id,
      description: 'Requests and health checks to the tasks',
      ipProtocol: 'tcp',
      fromPort: config.containerPort,
      toPort: config.containerPort,
      referencedSecurityGroupId: taskGroup.id,
      tags: tagged('alb-out'),
    });
    // HTTPS out, through NAT: image pulls from the registry and log delivery to CloudWatch.
    // DNS goes to the VPC resolver, which security groups do not filter.
    new VpcSecurityGroupEgressRule(this, 'TaskEgressHttps', {
      securityGroupId: taskGroup.id,
      description: 'HTTPS out for image pulls and AWS APIs',
      ipProtocol: 'tcp',
      fromPort: 443,
      toPort: 443,
      cidrIpv4: '0.0.0.0/0',
      tags: tagged('tasks-out'),
    });
    return taskGroup;
  }

  private createTaskDefinition(
    props: AppServiceProps,
    config: NormalizedAppServiceProps,
    tagged: Tagger,
  ): EcsTaskDefinition {
    const region = new DataAwsRegion(this, 'Region');
    const container = containerDefinition({
      name: config.name,
      image: props.image,
      containerPort: config.containerPort,
      healthCheckPath: config.healthCheckPath,
      stopTimeoutSeconds: config.stopTimeoutSeconds,
      environment: {
        ...config.environment,
        PORT: String(config.containerPort),
        // Only the ALB's nodes live in the public subnets, and the task security group
        // accepts no one else, so a hop from these ranges is the ALB: the service trusts
        // the X-Forwarded-For entry it appended and nothing a caller wrote before it.
        TRUST_PROXY: joinRanges(props.network.publicSubnetCidrBlocks),
      },
      logGroupName: this.logGroup.name,
      region: region.region,
    });

    return new EcsTaskDefinition(this, 'TaskDefinition', {
      family: config.name,
      requiresCompatibilities: ['FARGATE'],
      networkMode: 'awsvpc',
      cpu: String(config.cpu),
      memory: String(config.memoryMiB),
      runtimePlatform: {
        operatingSystemFamily: 'LINUX',
        cpuArchitecture: config.cpuArchitecture,
      },
      executionRoleArn: this.roles.executionRole.arn,
      taskRoleArn: this.roles.taskRole.arn,
      volume: [{ name: SCRATCH_VOLUME }],
      // jsonencode() rather than a JSON string: the log group and region are references, and
      // cdktf's HCL export mangles JSON strings that contain references.
      containerDefinitions: Fn.jsonencode([container]),
      tags: tagged('task'),
    });
  }

  private createService(
    network: AppServiceNetwork,
    config: NormalizedAppServiceProps,
    tagged: Tagger,
  ): EcsService {
    return new EcsService(this, 'Service', {
      name: config.name,
      cluster: this.cluster.arn,
      taskDefinition: this.taskDefinition.arn,
      desiredCount: config.desiredCount,
      launchType: 'FARGATE',
      platformVersion: 'LATEST',
      networkConfiguration: {
        subnets: network.privateSubnetIds,
        securityGroups: [this.taskSecurityGroup.id],
        assignPublicIp: false,
      },
      loadBalancer: [
        {
          targetGroupArn: this.loadBalancer.targetGroup.arn,
          containerName: config.name,
          containerPort: config.containerPort,
        },
      ],
      healthCheckGracePeriodSeconds: config.healthCheckGracePeriodSeconds,
      deploymentMinimumHealthyPercent: 100,
      deploymentMaximumPercent: 200,
      deploymentCircuitBreaker: { enable: true, rollback: true },
      // Terraform returns only once the service is steady. With the circuit breaker, a
      // release whose tasks never pass health checks is rolled back and the apply fails.
      waitForSteadyState: true,
      propagateTags: 'SERVICE',
      enableEcsManagedTags: true,
      enableExecuteCommand: false,
      // ECS refuses a target group that no listener uses yet.
      dependsOn: [...this.loadBalancer.listeners],
      // Autoscaling owns the count once it is on; a re-apply must not reset it.
      lifecycle: config.autoScaling ? { ignoreChanges: ['desired_count'] } : undefined,
      tags: tagged('service'),
    });
  }
}

type Tagger = (suffix: string) => Record<string, string>;

// Ranges from VpcNetwork are literal strings; an existing network's may be a token list that
// only Terraform can join.
function joinRanges(ranges: readonly string[]): string {
  return Token.isUnresolved(ranges) ? Fn.join(',', ranges as string[]) : ranges.join(',');
}
