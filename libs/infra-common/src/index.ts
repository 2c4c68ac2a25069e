export * from './log-retention';
