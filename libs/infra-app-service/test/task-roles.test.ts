import { describe, expect, it } from 'bun:test';
import { TaskRoles } from '../src';
import {
  resourcesOf,
  synthesize,
  type Synthesized,
} from '@simple-time-service/infra-common/testing';

function synthRoles() {
  return synthesize((scope) => new TaskRoles(scope, 'Roles', { name: 'time' }));
}

function rolesByName(stack: ReturnType<typeof synthRoles>) {
  return Object.fromEntries(
    Object.entries(stack.resource!.aws_iam_role!).map(([key, role]) => [role.name, { key, role }]),
  );
}

/** The statements of the policy document a role's trust policy refers to. */
function trustStatements(stack: Synthesized, role: Record<string, unknown>): Statement[] {
  const match = /^\$\{data\.aws_iam_policy_document\.(\w+)\.json\}$/.exec(
    role.assume_role_policy as string,
  );
  const document = stack.data?.aws_iam_policy_document?.[match?.[1] ?? ''];
  return (document?.statement ?? []) as Statement[];
}

interface Statement {
  readonly effect?: string;
  readonly actions?: string[];
  readonly principals?: { type: string; identifiers: string[] }[];
  readonly condition?: { test: string; variable: string; values: string[] }[];
}

describe('TaskRoles', () => {
  it('lets only ecs-tasks.amazonaws.com assume either role', () => {
    const stack = synthRoles();

    for (const role of resourcesOf(stack, 'aws_iam_role')) {
      const [statement, ...others] = trustStatements(stack, role);

      expect(others).toEqual([]);
      expect(statement).toMatchObject({
        effect: 'Allow',
        actions: ['sts:AssumeRole'],
        principals: [{ type: 'Service', identifiers: ['ecs-tasks.amazonaws.com'] }],
      });
    }
  });

  it('limits the task role to tasks of the same account', () => {
    const stack = synthRoles();
    const [statement] = trustStatements(stack, rolesByName(stack)['time-task']!.role);

    expect(statement!.condition).toEqual([
      expect.objectContaining({ test: 'StringEquals', variable: 'aws:SourceAccount' }),
      expect.objectContaining({ test: 'ArnLike', variable: 'aws:SourceArn' }),
    ]);
  });

  it('attaches the AWS-managed task execution policy, and only it, to the execution role', () => {
    const stack = synthRoles();
    const { key } = rolesByName(stack)['time-execution']!;
    const attachments = resourcesOf(stack, 'aws_iam_role_policy_attachment');

    expect(attachments).toEqual([
      {
        role: `\${aws_iam_role.${key}.name}`,
        policy_arn: expect.stringMatching(
          /:iam::aws:policy\/service-role\/AmazonECSTaskExecutionRolePolicy$/,
        ),
      },
    ]);
    expect(resourcesOf(stack, 'aws_iam_role_policy')).toHaveLength(0);
  });

  it('keeps the task role free of every managed and inline policy', () => {
    const stack = synthRoles();
    const { key } = rolesByName(stack)['time-task']!;

    expect(resourcesOf(stack, 'aws_iam_role_policy_attachments_exclusive')).toEqual([
      { role_name: `\${aws_iam_role.${key}.name}`, policy_arns: [] },
    ]);
    expect(resourcesOf(stack, 'aws_iam_role_policies_exclusive')).toEqual([
      { role_name: `\${aws_iam_role.${key}.name}`, policy_names: [] },
    ]);
  });
});
