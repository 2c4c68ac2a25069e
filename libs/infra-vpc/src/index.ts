export * from './errors';
export * from './vpc-flow-log';
export * from './vpc-network';
export { DEFAULT_VPC_CIDR, DEFAULT_ZONE_COUNT } from './private/normalize-props';
