/** What `containerDefinition` needs to describe the one container of the task. */
export interface ContainerDefinitionInput {
  readonly name: string;
  readonly image: string;
  readonly containerPort: number;
  readonly healthCheckPath: string;
  readonly stopTimeoutSeconds: number;
  readonly environment: Readonly<Record<string, string>>;
  readonly logGroupName: string;
  readonly region: string;
}

/** The image's non-root user: `bun`, uid and gid 1000, in the official Bun images. */
export const CONTAINER_USER = '1000:1000';

/** Name of the writable scratch volume mounted at /tmp over the read-only root. */
export const SCRATCH_VOLUME = 'tmp';

/**
 * The health probe run inside the container. The image has Bun but no curl or wget, so Bun
 * itself fetches the health path and exits non-zero on a non-2xx answer, an error or a hang.
 * The script has no double quotes or backslashes: cdktf writes strings inside `jsonencode()`
 * without escaping them. The path is validated to contain neither quote kind.
 */
export function healthCheckCommand(containerPort: number, healthCheckPath: string): string[] {
  const url = `http://127.0.0.1:${containerPort}${healthCheckPath}`;
  const script =
    `fetch('${url}',{signal:AbortSignal.timeout(3000)})` +
    `.then(r=>process.exit(r.ok?0:1),()=>process.exit(1))`;
  return ['CMD', 'bun', '-e', script];
}

/** The ECS container definition of the service, as the task definition's JSON takes it. */
export function containerDefinition(input: ContainerDefinitionInput): Record<string, unknown> {
  return {
    name: input.name,
    image: input.image,
    essential: true,
    user: CONTAINER_USER,
    readonlyRootFilesystem: true,
    // Bun, like most runtimes, may write temporary files; /tmp is the only writable path.
    mountPoints: [{ sourceVolume: SCRATCH_VOLUME, containerPath: '/tmp', readOnly: false }],
    portMappings: [{ containerPort: input.containerPort, protocol: 'tcp', name: 'http' }],
    environment: Object.entries(input.environment)
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([name, value]) => ({ name, value })),
    stopTimeout: input.stopTimeoutSeconds,
    healthCheck: {
      command: healthCheckCommand(input.containerPort, input.healthCheckPath),
      interval: 15,
      timeout: 5,
      retries: 3,
      startPeriod: 10,
    },
    logConfiguration: {
      logDriver: 'awslogs',
      options: {
        'awslogs-group': input.logGroupName,
        'awslogs-region': input.region,
        'awslogs-stream-prefix': input.name,
        // A slow CloudWatch must not block the service's writes to stdout.
        mode: 'non-blocking',
        'max-buffer-size': '25m',
      },
    },
  };
}
