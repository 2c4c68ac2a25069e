import { HEALTH_CHECK_PATH } from '@simple-time-service/service-contract';

/**
 * Bun script that exits 0 when the service in the same container answers its health path.
 * The slim base image has no curl or wget; the abort turns a hung server into a failure
 * before the engine's own timeout.
 */
export const HEALTH_CHECK_SCRIPT =
  'const r = await fetch(`http://127.0.0.1:${process.env.PORT}' +
  HEALTH_CHECK_PATH +
  '`, { signal: AbortSignal.timeout(3000) }); process.exit(r.ok ? 0 : 1)';

/**
 * The Dockerfile's `HEALTHCHECK` command, which a unit test holds equal to the Dockerfile. It
 * reads PORT when it runs, so it follows a container started with another PORT. ECS ignores
 * an image's `HEALTHCHECK`; the task definition in libs/infra-app-service builds its own probe
 * from the construct's port and path, because `${` cannot pass through a Terraform string.
 */
export const HEALTH_CHECK_COMMAND: readonly string[] = ['CMD', 'bun', '-e', HEALTH_CHECK_SCRIPT];

/** Seconds between health checks, as in the Dockerfile's `HEALTHCHECK --interval`. */
export const HEALTH_CHECK_INTERVAL_SECONDS = 15;

/** Seconds one health check may take, as in the Dockerfile's `HEALTHCHECK --timeout`. */
export const HEALTH_CHECK_TIMEOUT_SECONDS = 5;

/** Seconds after start during which failures do not count, as in `--start-period`. */
export const HEALTH_CHECK_START_PERIOD_SECONDS = 10;

/** Consecutive failures that mark the container unhealthy, as in `--retries`. */
export const HEALTH_CHECK_RETRIES = 3;
