import { CloudwatchLogGroup } from '@cdktf/provider-aws/lib/cloudwatch-log-group';
import { DataAwsCallerIdentity } from '@cdktf/provider-aws/lib/data-aws-caller-identity';
import { DataAwsIamPolicyDocument } from '@cdktf/provider-aws/lib/data-aws-iam-policy-document';
import { FlowLog } from '@cdktf/provider-aws/lib/flow-log';
import { IamRole } from '@cdktf/provider-aws/lib/iam-role';
import { IamRolePolicy } from '@cdktf/provider-aws/lib/iam-role-policy';
import { Construct } from 'constructs';
import { invalidRetentionDays } from './errors';
import { LOG_RETENTION_DAYS } from '@simple-time-service/infra-common';

/** Which packets a flow log records. */
export type FlowLogTrafficType = 'ACCEPT' | 'REJECT' | 'ALL';

/** Props of `VpcFlowLog`. */
export interface VpcFlowLogProps {
  /** VPC whose traffic is recorded. */
  readonly vpcId: string;
  /** Prefix of the log group and role names. */
  readonly name: string;
  /** Days CloudWatch keeps the records. @default 30 */
  readonly retentionDays?: number;
  /** Which packets to record. @default 'ALL' */
  readonly trafficType?: FlowLogTrafficType;
  /** Tags added to every resource, after the Name tag. @default - none */
  readonly tags?: Readonly<Record<string, string>>;
}

/** VPC flow logs delivered to a CloudWatch log group, with a role that can write only there. */
export class VpcFlowLog extends Construct {
  /** The log group that receives the records. */
  readonly logGroup: CloudwatchLogGroup;
  /** The flow log itself. */
  readonly flowLog: FlowLog;

  constructor(scope: Construct, id: string, props: VpcFlowLogProps) {
    super(scope, id);
    const retentionDays = props.retentionDays ?? 30;
    if (!LOG_RETENTION_DAYS.includes(retentionDays)) {
      throw invalidRetentionDays('flowLogRetentionDays', retentionDays, LOG_RETENTION_DAYS);
    }
    const tags = props.tags ?? {};

    this.logGroup = new CloudwatchLogGroup(this, 'LogGroup', {
      name: `/vpc/${props.name}/flow-logs`,
      retentionInDays: retentionDays,
      tags: { Name: `${props.name}-flow-logs`, ...tags },
    });

    const account = new DataAwsCallerIdentity(this, 'Account');
    // Policy documents are data sources rather than JSON strings: they render as plain
    // blocks in exported HCL, and Terraform checks their shape at plan time.
    const trust = new DataAwsIamPolicyDocument(this, 'TrustPolicy', {
      statement: [
        {
          effect: 'Allow',
          actions: ['sts:AssumeRole'],
          principals: [{ type: 'Service', identifiers: ['vpc-flow-logs.amazonaws.com'] }],
          // Confused-deputy guard: only flow logs in this account may use the role.
          condition: [
            { test: 'StringEquals', variable: 'aws:SourceAccount', values: [account.accountId] },
          ],
        },
      ],
    });
    const role = new IamRole(this, 'Role', {
      name: `${props.name}-flow-logs`,
      assumeRolePolicy: trust.json,
      tags: { Name: `${props.name}-flow-logs`, ...tags },
    });

    const write = new DataAwsIamPolicyDocument(this, 'WritePolicyDocument', {
      statement: [
        {
          effect: 'Allow',
          actions: ['logs:CreateLogStream', 'logs:PutLogEvents', 'logs:DescribeLogStreams'],
          resources: [this.logGroup.arn, `${this.logGroup.arn}:*`],
        },
      ],
    });
    new IamRolePolicy(this, 'WritePolicy', {
      role: role.id,
      name: 'write-flow-logs',
      policy: write.json,
    });

    this.flowLog = new FlowLog(this, 'FlowLog', {
      vpcId: props.vpcId,
      trafficType: props.trafficType ?? 'ALL',
      logDestinationType: 'cloud-watch-logs',
      logDestination: this.logGroup.arn,
      iamRoleArn: role.arn,
      // One-minute aggregation instead of the default ten, so an investigation sees
      // rejected connections while they are still happening.
      maxAggregationInterval: 60,
      tags: { Name: `${props.name}-flow-log`, ...tags },
    });
  }
}
