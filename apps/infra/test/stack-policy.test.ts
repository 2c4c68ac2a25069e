import { describe, expect, it } from 'bun:test';
import {
  CONTAINER_PORT,
  HEALTH_CHECK_PATH,
  SERVICE_KEEP_ALIVE_SECONDS,
} from '@simple-time-service/service-contract';
import { synthesizeEnvironment, TEST_IMAGE } from './synthesized-stack';

// Each rule is a property the whole synthesized stack must keep, whatever the constructs'
// internals: a refactor that breaks one fails here, named after the rule it broke.
for (const environment of ['dev', 'prod']) {
  describe(`policy of the ${environment} stack`, () => {
    const stack = synthesizeEnvironment(environment);
    const service = stack.one('aws_ecs_service');
    const [container] = stack.containers();
    const alb = stack.one('aws_lb');
    const targetGroup = stack.one('aws_lb_target_group');
    const taskGroupRef = service.network_configuration.security_groups[0] as string;
    const albGroupRef = alb.security_groups[0] as string;
    const tierOf = (ref: string) => stack.resolve(ref).tags?.Tier;

    it('runs tasks only in private subnets, without public IPs', () => {
      const subnets = service.network_configuration.subnets as string[];

      expect(subnets.length).toBeGreaterThanOrEqual(2);
      expect(subnets.map(tierOf)).toEqual(subnets.map(() => 'private'));
      expect(service.network_configuration.assign_public_ip).toBe(false);
    });

    it('puts the internet-facing ALB in the public subnets', () => {
      expect(alb.internal).toBe(false);
      expect((alb.subnets as string[]).map(tierOf)).toEqual(alb.subnets.map(() => 'public'));
    });

    it('lets tasks be reached only from the ALB security group, on the container port', () => {
      const taskIngress = stack
        .all('aws_vpc_security_group_ingress_rule')
        .filter((rule) => rule.security_group_id === taskGroupRef);

      expect(service.network_configuration.security_groups).toHaveLength(1);
      expect(taskIngress).toHaveLength(1);
      expect(taskIngress[0]).toMatchObject({
        referenced_security_group_id: albGroupRef,
        from_port: CONTAINER_PORT,
        to_port: CONTAINER_PORT,
      });
      expect(taskIngress[0]!.cidr_ipv4).toBeUndefined();
    });

    it('opens nothing to the internet but the ALB on 80 and 443', () => {
      const open = stack
        .all('aws_vpc_security_group_ingress_rule')
        .filter((rule) => rule.cidr_ipv4 === '0.0.0.0/0' || rule.cidr_ipv6 === '::/0');

      for (const rule of open) {
        expect(rule.security_group_id).toBe(albGroupRef);
        expect([80, 443]).toContain(rule.from_port);
        expect(rule.to_port).toBe(rule.from_port);
      }
    });

    it('defines no inline security group rules that would bypass these checks', () => {
      for (const group of stack.all('aws_security_group')) {
        expect(group.ingress).toBeUndefined();
        expect(group.egress).toBeUndefined();
      }
      expect(stack.all('aws_security_group_rule')).toEqual([]);
    });

    it('matches target group type and port to the container', () => {
      expect(targetGroup.target_type).toBe('ip');
      expect(targetGroup.port).toBe(CONTAINER_PORT);
      expect(container!.portMappings).toEqual([
        expect.objectContaining({ containerPort: CONTAINER_PORT }),
      ]);
      expect(service.load_balancer).toEqual([
        expect.objectContaining({
          container_name: container!.name,
          container_port: CONTAINER_PORT,
          target_group_arn: stack.refs('aws_lb_target_group', 'arn')[0],
        }),
      ]);
    });

    it('health-checks the path the service serves, from the ALB and in the container', () => {
      expect(targetGroup.health_check.path).toBe(HEALTH_CHECK_PATH);
      expect(container!.healthCheck.command.join(' ')).toContain(
        `127.0.0.1:${CONTAINER_PORT}${HEALTH_CHECK_PATH}`,
      );
    });

    it('keeps the ALB idle timeout below the service keep-alive and drops bad headers', () => {
      expect(alb.idle_timeout).toBeLessThan(SERVICE_KEEP_ALIVE_SECONDS);
      expect(alb.drop_invalid_header_fields).toBe(true);
      expect(alb.xff_header_processing_mode).toBe('append');
    });

    it('trusts X-Forwarded-For only from the public subnets, where only the ALB lives', () => {
      const publicRanges = stack
        .all('aws_subnet')
        .filter((subnet) => subnet.tags.Tier === 'public')
        .map((subnet) => subnet.cidr_block);
      const trustProxy = container!.environment.find(
        (variable: { name: string }) => variable.name === 'TRUST_PROXY',
      );

      expect(trustProxy.value.split(',').sort()).toEqual(publicRanges.sort());
    });

    it('routes public subnets to the internet gateway and private ones to a NAT gateway', () => {
      const routes = stack.all('aws_route');
      const associations = stack.all('aws_route_table_association');

      for (const association of associations) {
        const tier = tierOf(association.subnet_id);
        const tableRoutes = routes.filter(
          (route) => route.route_table_id === association.route_table_id,
        );

        expect(tableRoutes).toHaveLength(1);
        expect(tableRoutes[0]!.destination_cidr_block).toBe('0.0.0.0/0');
        if (tier === 'public') {
          expect(tableRoutes[0]!.gateway_id).toMatch(/^\$\{aws_internet_gateway\./);
        } else {
          expect(tableRoutes[0]!.nat_gateway_id).toMatch(/^\$\{aws_nat_gateway\./);
        }
      }
      expect(associations).toHaveLength(stack.all('aws_subnet').length);
    });

    it('places every NAT gateway in a public subnet', () => {
      for (const nat of stack.all('aws_nat_gateway')) {
        expect(tierOf(nat.subnet_id)).toBe('public');
      }
    });

    it('spreads each tier over distinct availability zones', () => {
      for (const tier of ['public', 'private']) {
        const zones = stack
          .all('aws_subnet')
          .filter((subnet) => subnet.tags.Tier === tier)
          .map((subnet) => subnet.availability_zone as string);

        expect(new Set(zones).size).toBe(zones.length);
        expect(zones.every((zone) => zone.includes('data.aws_availability_zones.'))).toBe(true);
      }
    });

    it('lets only ECS tasks assume the task and execution roles', () => {
      const taskDefinition = stack.one('aws_ecs_task_definition');
      const roles = [taskDefinition.execution_role_arn, taskDefinition.task_role_arn].map(
        (arn: string) => stack.resolve(arn),
      );

      for (const role of roles) {
        const documentName = /aws_iam_policy_document\.(\w+)\.json/.exec(
          role.assume_role_policy,
        )![1]!;
        const statements = stack.json.data.aws_iam_policy_document[documentName].statement;

        expect(statements).toHaveLength(1);
        expect(statements[0]).toMatchObject({
          effect: 'Allow',
          actions: ['sts:AssumeRole'],
          principals: [{ type: 'Service', identifiers: ['ecs-tasks.amazonaws.com'] }],
        });
      }
    });

    it('grants the execution role the ECS execution policy only, and the task role nothing', () => {
      const taskDefinition = stack.one('aws_ecs_task_definition');
      const execution = taskDefinition.execution_role_arn.replace('.arn}', '.name}');
      const task = taskDefinition.task_role_arn.replace('.arn}', '.name}');
      const attachments = stack.all('aws_iam_role_policy_attachment');

      expect(attachments.filter((attachment) => attachment.role === execution)).toEqual([
        expect.objectContaining({
          policy_arn: expect.stringMatching(
            /:policy\/service-role\/AmazonECSTaskExecutionRolePolicy$/,
          ),
        }),
      ]);
      expect(attachments.filter((attachment) => attachment.role === task)).toEqual([]);
      expect(
        stack.all('aws_iam_role_policy').filter((policy) => policy.role.includes('Roles')),
      ).toEqual([]);
    });

    it('retains every log group for a bounded time', () => {
      for (const group of stack.all('aws_cloudwatch_log_group')) {
        expect(group.retention_in_days).toBeGreaterThan(0);
      }
      expect(container!.logConfiguration.logDriver).toBe('awslogs');
    });

    it('runs the image as a non-root user on a read-only root filesystem', () => {
      expect(container!.image).toBe(TEST_IMAGE);
      expect(container!.user).toBe('1000:1000');
      expect(container!.readonlyRootFilesystem).toBe(true);
    });

    it('rolls back failed deploys and makes the deploy wait for a steady service', () => {
      expect(service.deployment_circuit_breaker).toEqual({ enable: true, rollback: true });
      expect(service.wait_for_steady_state).toBe(true);
      expect(service.health_check_grace_period_seconds).toBeGreaterThan(0);
    });

    it('declares the outputs a deployer reads', () => {
      expect(Object.keys(stack.json.output)).toEqual(
        expect.arrayContaining([
          'service_url',
          'load_balancer_dns_name',
          'cluster_name',
          'service_name',
          'log_group_name',
        ]),
      );
      expect(stack.json.output.service_url.value).toMatch(/^https?:\/\/\$\{aws_lb\./);
    });

    it('tags every resource through the provider default tags', () => {
      const [provider] = stack.json.provider.aws;

      expect(provider.default_tags[0].tags).toMatchObject({
        Project: 'simple-time-service',
        Environment: environment,
      });
    });
  });
}
