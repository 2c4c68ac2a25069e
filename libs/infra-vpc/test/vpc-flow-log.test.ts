import { describe, expect, it } from 'bun:test';
import { TerraformStack, Testing } from 'cdktf';
import { invalidRetentionDays, VpcFlowLog } from '../src';
import { LOG_RETENTION_DAYS } from '@simple-time-service/infra-common';
import { resourcesOf, synthesize } from '@simple-time-service/infra-common/testing';

function synthFlowLog() {
  return synthesize((scope) => new VpcFlowLog(scope, 'FlowLog', { vpcId: 'vpc-1', name: 'net' }));
}

describe('VpcFlowLog', () => {
  it('records all traffic of the VPC into its own log group', () => {
    const [flowLog] = resourcesOf(synthFlowLog(), 'aws_flow_log');

    expect(flowLog).toMatchObject({
      vpc_id: 'vpc-1',
      traffic_type: 'ALL',
      log_destination_type: 'cloud-watch-logs',
    });
  });

  it('keeps records for 30 days by default', () => {
    const [group] = resourcesOf(synthFlowLog(), 'aws_cloudwatch_log_group');

    expect(group).toMatchObject({ name: '/vpc/net/flow-logs', retention_in_days: 30 });
  });

  it('lets only the flow logs service of the same account assume its role', () => {
    const documents = Object.values(synthFlowLog().data!.aws_iam_policy_document!);
    const trust = documents.find((document: any) =>
      document.statement[0].actions.includes('sts:AssumeRole'),
    ) as any;

    expect(trust.statement[0]).toMatchObject({
      principals: [{ type: 'Service', identifiers: ['vpc-flow-logs.amazonaws.com'] }],
      condition: [{ test: 'StringEquals', variable: 'aws:SourceAccount' }],
    });
  });

  it('allows its role to write to its own log group only', () => {
    const documents = Object.values(synthFlowLog().data!.aws_iam_policy_document!);
    const write = documents.find((document: any) =>
      document.statement[0].actions.includes('logs:PutLogEvents'),
    ) as any;

    expect(write.statement).toHaveLength(1);
    expect(write.statement[0].resources).toEqual([
      expect.stringMatching(/^\$\{aws_cloudwatch_log_group\.\w+\.arn\}$/),
      expect.stringMatching(/^\$\{aws_cloudwatch_log_group\.\w+\.arn\}:\*$/),
    ]);
  });

  it('throws when the retention is not one CloudWatch offers', () => {
    const stack = new TerraformStack(Testing.app(), 'Test');

    expect(
      () => new VpcFlowLog(stack, 'FlowLog', { vpcId: 'vpc-1', name: 'net', retentionDays: 2 }),
    ).toThrow(invalidRetentionDays('flowLogRetentionDays', 2, LOG_RETENTION_DAYS).message);
  });
});
