export * from './app-service';
export * from './errors';
export * from './public-load-balancer';
export * from './service-auto-scaling';
export * from './task-roles';
export { DEFAULT_SSL_POLICY, RESERVED_ENVIRONMENT } from './private/normalize-props';
export { CONTAINER_USER, healthCheckCommand } from './private/container-definition';
export * from './read-jsonencode';
