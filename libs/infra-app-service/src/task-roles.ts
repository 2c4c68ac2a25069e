import { DataAwsCallerIdentity } from '@cdktf/provider-aws/lib/data-aws-caller-identity';
import {
  DataAwsIamPolicyDocument,
  type DataAwsIamPolicyDocumentStatementCondition,
} from '@cdktf/provider-aws/lib/data-aws-iam-policy-document';
import { DataAwsPartition } from '@cdktf/provider-aws/lib/data-aws-partition';
import { IamRole } from '@cdktf/provider-aws/lib/iam-role';
import { IamRolePoliciesExclusive } from '@cdktf/provider-aws/lib/iam-role-policies-exclusive';
import { IamRolePolicyAttachment } from '@cdktf/provider-aws/lib/iam-role-policy-attachment';
import { IamRolePolicyAttachmentsExclusive } from '@cdktf/provider-aws/lib/iam-role-policy-attachments-exclusive';
import { Construct } from 'constructs';

/** The service principal that ECS uses to run Fargate tasks. */
export const ECS_TASKS_PRINCIPAL = 'ecs-tasks.amazonaws.com';

/** Name of the AWS-managed policy that lets ECS pull images and write logs for a task. */
export const TASK_EXECUTION_POLICY = 'service-role/AmazonECSTaskExecutionRolePolicy';

/** Props of `TaskRoles`. */
export interface TaskRolesProps {
  /** Prefix of the two role names. */
  readonly name: string;
  /** Tags added to both roles, after the Name tag. @default - none */
  readonly tags?: Readonly<Record<string, string>>;
}

/**
 * The two roles of an ECS task: the execution role, which ECS uses to pull the image and ship
 * logs, and the task role, which the code in the container gets. The task role has no
 * permissions, and that is enforced: policies attached to it outside Terraform are removed.
 */
export class TaskRoles extends Construct {
  /** Role ECS assumes to start the task. */
  readonly executionRole: IamRole;
  /** Role the container's code runs as. */
  readonly taskRole: IamRole;

  constructor(scope: Construct, id: string, props: TaskRolesProps) {
    super(scope, id);
    const tags = props.tags ?? {};
    const account = new DataAwsCallerIdentity(this, 'Account');
    const partition = new DataAwsPartition(this, 'Partition');

    this.executionRole = new IamRole(this, 'ExecutionRole', {
      name: `${props.name}-execution`,
      description: `Lets ECS pull the image and write the logs of ${props.name}.`,
      // AWS documents no source conditions for the execution role, so it trusts the
      // principal alone; a condition ECS does not send would stop every task from starting.
      assumeRolePolicy: ecsTasksTrustPolicy(this, 'ExecutionTrustPolicy', []).json,
      tags: { Name: `${props.name}-execution`, ...tags },
    });
    new IamRolePolicyAttachment(this, 'ExecutionPolicy', {
      role: this.executionRole.name,
      policyArn: `arn:${partition.partition}:iam::aws:policy/${TASK_EXECUTION_POLICY}`,
    });

    this.taskRole = new IamRole(this, 'TaskRole', {
      name: `${props.name}-task`,
      description: `Role of the code in ${props.name}'s containers; it grants nothing.`,
      assumeRolePolicy: ecsTasksTrustPolicy(this, 'TaskTrustPolicy', [
        { test: 'StringEquals', variable: 'aws:SourceAccount', values: [account.accountId] },
        {
          test: 'ArnLike',
          variable: 'aws:SourceArn',
          values: [`arn:${partition.partition}:ecs:*:${account.accountId}:*`],
        },
      ]).json,
      tags: { Name: `${props.name}-task`, ...tags },
    });
    new IamRolePolicyAttachmentsExclusive(this, 'TaskRoleNoManagedPolicies', {
      roleName: this.taskRole.name,
      policyArns: [],
    });
    new IamRolePoliciesExclusive(this, 'TaskRoleNoInlinePolicies', {
      roleName: this.taskRole.name,
      policyNames: [],
    });
  }
}

/**
 * Trust policy that lets only ECS tasks assume the role. Conditions on the source account and
 * ARN, where given, stop ECS acting for another account (the confused deputy). It is a data
 * source rather than a JSON string so that exported HCL shows it as plain blocks.
 */
function ecsTasksTrustPolicy(
  scope: Construct,
  id: string,
  condition: DataAwsIamPolicyDocumentStatementCondition[],
): DataAwsIamPolicyDocument {
  return new DataAwsIamPolicyDocument(scope, id, {
    statement: [
      {
        effect: 'Allow',
        actions: ['sts:AssumeRole'],
        principals: [{ type: 'Service', identifiers: [ECS_TASKS_PRINCIPAL] }],
        condition: condition.length > 0 ? condition : undefined,
      },
    ],
  });
}
