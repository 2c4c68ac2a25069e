import { describe, expect, it } from 'bun:test';
import {
  CONTAINER_PORT,
  HEALTH_CHECK_PATH,
  SERVICE_KEEP_ALIVE_SECONDS,
} from '@simple-time-service/service-contract';
import { AppService, readJsonencode, type AppServiceProps } from '../src';
import { CERTIFICATE_ARN, MINIMAL_PROPS, PLAIN_NETWORK } from './fixtures';
import {
  onlyResourceOf,
  referenceTo,
  resourcesOf,
  synthesize,
} from '@simple-time-service/infra-common/testing';

function synthService(props: Partial<AppServiceProps> = {}) {
  return synthesize((scope) => new AppService(scope, 'App', { ...MINIMAL_PROPS, ...props }));
}

function containerOf(stack: ReturnType<typeof synthService>): Record<string, any> {
  const taskDefinition = onlyResourceOf(stack, 'aws_ecs_task_definition');
  const [container] = readJsonencode(taskDefinition.container_definitions as string) as any[];
  return container;
}

function environmentOf(stack: ReturnType<typeof synthService>): Record<string, string> {
  const entries = containerOf(stack).environment as { name: string; value: string }[];
  return Object.fromEntries(entries.map(({ name, value }) => [name, value]));
}

describe('AppService', () => {
  describe('task definition', () => {
    it('sizes a Fargate task at 256 CPU and 512 MiB on x86_64 by default', () => {
      const taskDefinition = onlyResourceOf(synthService(), 'aws_ecs_task_definition');

      expect(taskDefinition).toMatchObject({
        cpu: '256',
        memory: '512',
        network_mode: 'awsvpc',
        requires_compatibilities: ['FARGATE'],
        runtime_platform: { cpu_architecture: 'X86_64', operating_system_family: 'LINUX' },
      });
    });

    it('runs on ARM64 when asked', () => {
      const taskDefinition = onlyResourceOf(
        synthService({ cpuArchitecture: 'ARM64' }),
        'aws_ecs_task_definition',
      );

      expect(taskDefinition).toMatchObject({ runtime_platform: { cpu_architecture: 'ARM64' } });
    });

    it('runs the given image as the non-root user on a read-only root filesystem', () => {
      const container = containerOf(synthService());

      expect(container).toMatchObject({
        image: MINIMAL_PROPS.image,
        user: '1000:1000',
        readonlyRootFilesystem: true,
        portMappings: [{ containerPort: CONTAINER_PORT, protocol: 'tcp' }],
      });
    });

    it('probes the health path on the container port with bun, not curl', () => {
      const command = containerOf(synthService({ containerPort: 9000 })).healthCheck.command;

      expect(command.slice(0, 3)).toEqual(['CMD', 'bun', '-e']);
      expect(command[3]).toContain(`http://127.0.0.1:9000${HEALTH_CHECK_PATH}`);
    });

    it('sets PORT, TRUST_PROXY to the public subnet ranges, and the caller variables', () => {
      const environment = environmentOf(synthService({ environment: { LOG_LEVEL: 'debug' } }));

      expect(environment).toEqual({
        LOG_LEVEL: 'debug',
        PORT: String(CONTAINER_PORT),
        TRUST_PROXY: '10.1.0.0/24,10.1.1.0/24',
      });
    });

    it('ships logs with awslogs to a log group kept 30 days by default', () => {
      const stack = synthService();

      expect(containerOf(stack).logConfiguration).toMatchObject({
        logDriver: 'awslogs',
        options: { 'awslogs-group': referenceTo(stack, 'aws_cloudwatch_log_group', 'name') },
      });
      expect(onlyResourceOf(stack, 'aws_cloudwatch_log_group').retention_in_days).toBe(30);
    });
  });

  describe('load balancer', () => {
    it('is internet-facing in the public subnets and drops invalid header fields', () => {
      const alb = onlyResourceOf(synthService(), 'aws_lb');

      expect(alb).toMatchObject({
        internal: false,
        load_balancer_type: 'application',
        subnets: PLAIN_NETWORK.publicSubnetIds,
        drop_invalid_header_fields: true,
        xff_header_processing_mode: 'append',
      });
      expect(alb.idle_timeout as number).toBeLessThan(SERVICE_KEEP_ALIVE_SECONDS);
    });

    it('targets task IPs on the container port with the health path and a short delay', () => {
      const targetGroup = onlyResourceOf(synthService(), 'aws_lb_target_group');

      expect(targetGroup).toMatchObject({
        target_type: 'ip',
        port: CONTAINER_PORT,
        protocol: 'HTTP',
        deregistration_delay: '15',
        health_check: { path: HEALTH_CHECK_PATH, matcher: '200', port: 'traffic-port' },
      });
    });

    it('forwards port 80 to the tasks when there is no certificate', () => {
      const listener = onlyResourceOf(synthService(), 'aws_lb_listener');

      expect(listener).toMatchObject({ port: 80, default_action: [{ type: 'forward' }] });
    });

    it('listens on 443 with the certificate and redirects 80 to it when given one', () => {
      const listeners = resourcesOf(
        synthService({ certificateArn: CERTIFICATE_ARN }),
        'aws_lb_listener',
      );

      expect(listeners).toContainEqual(
        expect.objectContaining({ port: 443, protocol: 'HTTPS', certificate_arn: CERTIFICATE_ARN }),
      );
      expect(listeners).toContainEqual(
        expect.objectContaining({
          port: 80,
          default_action: [
            expect.objectContaining({ type: 'redirect', redirect: expect.anything() }),
          ],
        }),
      );
    });
  });

  describe('security groups', () => {
    it('opens only port 80 of the ALB to the internet without a certificate', () => {
      const open = resourcesOf(synthService(), 'aws_vpc_security_group_ingress_rule').filter(
        (rule) => rule.cidr_ipv4 === '0.0.0.0/0',
      );

      expect(open.map((rule) => rule.from_port)).toEqual([80]);
    });

    it('opens 80 and 443 of the ALB to the internet with a certificate', () => {
      const stack = synthService({ certificateArn: CERTIFICATE_ARN });
      const open = resourcesOf(stack, 'aws_vpc_security_group_ingress_rule').filter(
        (rule) => rule.cidr_ipv4 === '0.0.0.0/0',
      );

      expect(open.map((rule) => rule.from_port).sort()).toEqual([443, 80]);
    });

    it('lets the tasks take the container port from the ALB group only', () => {
      const stack = synthService();
      const taskRules = resourcesOf(stack, 'aws_vpc_security_group_ingress_rule').filter(
        (rule) => rule.security_group_id !== albGroupId(stack),
      );

      expect(taskRules).toEqual([
        expect.objectContaining({
          from_port: CONTAINER_PORT,
          to_port: CONTAINER_PORT,
          referenced_security_group_id: albGroupId(stack),
        }),
      ]);
      expect(taskRules[0]!.cidr_ipv4).toBeUndefined();
    });
  });

  describe('service', () => {
    it('runs in the private subnets without public IPs', () => {
      const service = onlyResourceOf(synthService(), 'aws_ecs_service');

      expect(service).toMatchObject({
        launch_type: 'FARGATE',
        network_configuration: {
          subnets: PLAIN_NETWORK.privateSubnetIds,
          assign_public_ip: false,
        },
      });
    });

    it('rolls back failed deploys and waits for a steady state', () => {
      const service = onlyResourceOf(synthService(), 'aws_ecs_service');

      expect(service).toMatchObject({
        deployment_circuit_breaker: { enable: true, rollback: true },
        wait_for_steady_state: true,
        health_check_grace_period_seconds: 30,
        desired_count: 2,
        enable_execute_command: false,
        platform_version: 'LATEST',
      });
    });

    it('waits for the listeners before it registers targets', () => {
      const service = onlyResourceOf(synthService(), 'aws_ecs_service');

      expect(service.depends_on).toEqual([expect.stringMatching(/^aws_lb_listener\./)]);
    });

    it('turns Container Insights on for the cluster', () => {
      const cluster = onlyResourceOf(synthService(), 'aws_ecs_cluster');

      expect(cluster.setting).toEqual([{ name: 'containerInsights', value: 'enabled' }]);
    });
  });

  describe('autoscaling', () => {
    it('adds no scaling by default', () => {
      expect(resourcesOf(synthService(), 'aws_appautoscaling_target')).toHaveLength(0);
    });

    it('tracks CPU and requests per target between min and max when asked', () => {
      const stack = synthService({ autoScaling: { minCapacity: 2, maxCapacity: 6 } });
      const metrics = resourcesOf(stack, 'aws_appautoscaling_policy').map(
        (policy: any) =>
          policy.target_tracking_scaling_policy_configuration.predefined_metric_specification
            .predefined_metric_type,
      );

      expect(onlyResourceOf(stack, 'aws_appautoscaling_target')).toMatchObject({
        min_capacity: 2,
        max_capacity: 6,
        scalable_dimension: 'ecs:service:DesiredCount',
      });
      expect(metrics.sort()).toEqual([
        'ALBRequestCountPerTarget',
        'ECSServiceAverageCPUUtilization',
      ]);
    });

    it('leaves the desired count to autoscaling once it is on', () => {
      const stack = synthService({ autoScaling: { minCapacity: 1, maxCapacity: 3 } });

      expect(onlyResourceOf(stack, 'aws_ecs_service').lifecycle).toEqual({
        ignore_changes: ['desired_count'],
      });
    });
  });

  describe('exposed values', () => {
    it('gives an http URL on the ALB name without a certificate', () => {
      const stack = synthesize((scope) => {
        const service = new AppService(scope, 'App', MINIMAL_PROPS);
        expect(service.serviceUrl).toStartWith('http://');
      });

      expect(stack.resource?.aws_lb).toBeDefined();
    });

    it('gives an https URL on the domain name with a certificate', () => {
      synthesize((scope) => {
        const service = new AppService(scope, 'App', {
          ...MINIMAL_PROPS,
          certificateArn: CERTIFICATE_ARN,
          domainName: 'time.example.com',
        });
        expect(service.serviceUrl).toBe('https://time.example.com');
      });
    });
  });
});

function albGroupId(stack: ReturnType<typeof synthService>): string {
  const names = Object.keys(stack.resource!.aws_security_group!);
  const alb = names.find((name) => name.includes('LoadBalancer'));
  return `\${aws_security_group.${alb}.id}`;
}
