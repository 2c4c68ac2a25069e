/**
 * The facts that the service, its container image and its infrastructure must agree on.
 * Each is defined here once and imported everywhere else, so that changing one cannot leave
 * a health check, a security group rule or a Dockerfile pointing at the old value.
 */

/** TCP port the service listens on inside its container, and the port the ALB targets. */
export const CONTAINER_PORT = 8080;

/** Path that answers 200 cheaply, for the load balancer and the container health check. */
export const HEALTH_CHECK_PATH = '/healthz';

/**
 * Idle timeout of the AWS Application Load Balancer, in seconds. AWS's default is 60 s; the
 * infrastructure sets it explicitly to this value.
 */
export const LOAD_BALANCER_IDLE_TIMEOUT_SECONDS = 60;

/**
 * How long the service keeps an idle keep-alive connection open, in seconds. It must outlast
 * the load balancer's idle timeout: otherwise the balancer may reuse a connection the service
 * has just closed, and the caller gets a 502.
 */
export const SERVICE_KEEP_ALIVE_SECONDS = 75;

/**
 * How long the service waits for in-flight requests after SIGTERM before it closes them, in
 * seconds. It stays well under ECS's default `stopTimeout` of 30 s, after which ECS kills.
 */
export const SHUTDOWN_GRACE_SECONDS = 10;

/** Seconds ECS waits after SIGTERM before it sends SIGKILL to the container. */
export const CONTAINER_STOP_TIMEOUT_SECONDS = 30;
