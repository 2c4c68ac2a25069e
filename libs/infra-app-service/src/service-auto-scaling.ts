import { AppautoscalingPolicy } from '@cdktf/provider-aws/lib/appautoscaling-policy';
import { AppautoscalingTarget } from '@cdktf/provider-aws/lib/appautoscaling-target';
import { Construct } from 'constructs';

/** Props of `ServiceAutoScaling`. */
export interface ServiceAutoScalingProps {
  /** Name of the ECS cluster that runs the service. */
  readonly clusterName: string;
  /** Name of the ECS service to scale. */
  readonly serviceName: string;
  /** Fewest tasks to keep running. */
  readonly minCapacity: number;
  /** Most tasks to run. */
  readonly maxCapacity: number;
  /** Average CPU use, in percent, to keep the service at. */
  readonly targetCpuPercent: number;
  /** Requests per task per minute to keep the service at. */
  readonly targetRequestsPerTarget: number;
  /** `<alb arn suffix>/<target group arn suffix>`, the label of the request-count metric. */
  readonly requestCountResourceLabel: string;
  /** Tags added to the scalable target. */
  readonly tags: Readonly<Record<string, string>>;
}

/**
 * Application Auto Scaling of an ECS service's task count, with two target-tracking policies:
 * one on average CPU and one on ALB requests per task. The larger answer wins, so either
 * load pattern scales the service out.
 */
export class ServiceAutoScaling extends Construct {
  /** The scalable target: the service's desired count between min and max. */
  readonly target: AppautoscalingTarget;

  constructor(scope: Construct, id: string, props: ServiceAutoScalingProps) {
    super(scope, id);

    this.target = new AppautoscalingTarget(this, 'Target', {
      serviceNamespace: 'ecs',
      scalableDimension: 'ecs:service:DesiredCount',
      resourceId: `service/${props.clusterName}/${props.serviceName}`,
      minCapacity: props.minCapacity,
      maxCapacity: props.maxCapacity,
      tags: { ...props.tags },
    });

    new AppautoscalingPolicy(this, 'CpuPolicy', {
      name: `${props.serviceName}-cpu`,
      policyType: 'TargetTrackingScaling',
      serviceNamespace: this.target.serviceNamespace,
      scalableDimension: this.target.scalableDimension,
      resourceId: this.target.resourceId,
      targetTrackingScalingPolicyConfiguration: {
        targetValue: props.targetCpuPercent,
        predefinedMetricSpecification: {
          predefinedMetricType: 'ECSServiceAverageCPUUtilization',
        },
        scaleOutCooldown: 60,
        scaleInCooldown: 300,
      },
    });

    new AppautoscalingPolicy(this, 'RequestsPolicy', {
      name: `${props.serviceName}-requests`,
      policyType: 'TargetTrackingScaling',
      serviceNamespace: this.target.serviceNamespace,
      scalableDimension: this.target.scalableDimension,
      resourceId: this.target.resourceId,
      targetTrackingScalingPolicyConfiguration: {
        targetValue: props.targetRequestsPerTarget,
        predefinedMetricSpecification: {
          predefinedMetricType: 'ALBRequestCountPerTarget',
          resourceLabel: props.requestCountResourceLabel,
        },
        scaleOutCooldown: 60,
        scaleInCooldown: 300,
      },
    });
  }
}
