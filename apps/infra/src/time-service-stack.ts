import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { AppService } from '@simple-time-service/infra-app-service';
import { VpcNetwork } from '@simple-time-service/infra-vpc';
import { LocalBackend, S3Backend, TerraformOutput, TerraformStack } from 'cdktf';
import type { Construct } from 'constructs';
import type { StackConfig } from './config';

/** Tag every resource of the project carries, through the provider's default tags. */
export const PROJECT_TAG = 'simple-time-service';

/** Props of `TimeServiceStack`. */
export interface TimeServiceStackProps {
  /** The environment's configuration. */
  readonly config: StackConfig;
  /** The image to run, `repository:tag`, as `time-service:docker-push` pushed it. */
  readonly image: string;
}

/** One environment of the time service: its network, its service and their outputs. */
export class TimeServiceStack extends TerraformStack {
  /** The VPC. */
  readonly network: VpcNetwork;
  /** The load-balanced Fargate service. */
  readonly service: AppService;

  constructor(scope: Construct, props: TimeServiceStackProps) {
    const { config } = props;
    super(scope, config.stackName);
    const settings = config.settings;

    new AwsProvider(this, 'aws', {
      region: config.region,
      defaultTags: [
        {
          tags: {
            Project: PROJECT_TAG,
            Environment: config.environment,
            Stack: config.stackName,
            ManagedBy: 'cdktf',
          },
        },
      ],
    });
    configureBackend(this, config);

    this.network = new VpcNetwork(this, 'Network', {
      name: config.stackName,
      cidrBlock: settings.vpcCidr,
      zoneCount: settings.zoneCount,
      natGateways: settings.natGateways,
      flowLogs: settings.flowLogs,
    });

    this.service = new AppService(this, 'Service', {
      name: config.stackName,
      network: this.network,
      image: props.image,
      desiredCount: settings.desiredCount,
      cpu: settings.cpu,
      memoryMiB: settings.memoryMiB,
      cpuArchitecture: settings.cpuArchitecture,
      autoScaling: settings.autoScaling,
      certificateArn: settings.certificateArn,
      domainName: settings.domainName,
      logRetentionDays: settings.logRetentionDays,
      deletionProtection: settings.deletionProtection,
    });

    this.declareOutputs(props.image);
  }

  private declareOutputs(image: string): void {
    const outputs: Record<string, [string, string]> = {
      service_url: [this.service.serviceUrl, 'Where the service answers; curl it.'],
      load_balancer_dns_name: [this.service.loadBalancerDnsName, 'DNS name of the ALB.'],
      cluster_name: [this.service.clusterName, 'ECS cluster that runs the service.'],
      service_name: [this.service.serviceName, 'ECS service name.'],
      log_group_name: [this.service.logGroupName, 'CloudWatch log group of the containers.'],
      vpc_id: [this.network.vpcId, 'VPC the service runs in.'],
      image: [image, 'Image the task definition runs.'],
    };

    for (const [name, [value, description]] of Object.entries(outputs)) {
      // Explicit logical ids keep the output names as written, without cdktf's suffixes.
      new TerraformOutput(this, name, { value, description }).overrideLogicalId(name);
    }
  }
}

function configureBackend(stack: TerraformStack, config: StackConfig): void {
  const backend = config.backend;
  if (backend.kind === 'local') {
    // Terraform runs in cdktf.out/stacks/<stack>/ (or cdktf.hcl/stacks/<stack>/ for the HCL
    // export), so this relative path is apps/infra/terraform.<stack>.tfstate from either, and
    // the synthesized files do not depend on where the checkout lives.
    new LocalBackend(stack, { path: `../../../terraform.${config.stackName}.tfstate` });
    return;
  }

  const s3 = new S3Backend(stack, {
    bucket: backend.bucket,
    key: backend.key,
    region: backend.region,
    encrypt: true,
  });
  // S3-native state locking (Terraform 1.10+, OpenTofu 1.10+) needs no DynamoDB table.
  // cdktf 0.21's S3Backend type predates the option, hence the override.
  s3.addOverride('use_lockfile', true);
}
