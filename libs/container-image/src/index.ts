export * from './commands';
export * from './container-options';
export * from './errors';
export * from './health-check';
export * from './image-reference';
export * from './image-tag';
export * from './preflight';
export * from './source-metadata';
