import pino, { type Logger } from 'pino';

import type { LogLevel } from './config';

/** The service's structured logger: one JSON object a line on stdout. */
export type ServiceLogger = Logger;

/** A logger and the means to flush what it still buffers. */
export interface LoggerHandle {
  /** The logger itself. */
  readonly logger: ServiceLogger;
  /** Resolves once every line logged so far is written; await it before the process exits. */
  readonly flush: () => Promise<void>;
}

/**
 * Creates the JSON logger. The level is a label and the time ISO-8601, which CloudWatch Logs
 * Insights reads as-is. Lines are written synchronously: pino's asynchronous destination lost
 * lines under Bun when the process exited or logged while a write was in flight, and a log
 * that drops the shutdown line cannot be trusted.
 */
export function createLogger(level: LogLevel, destination: number | string = 1): LoggerHandle {
  const stream = pino.destination({ dest: destination, sync: true });
  const logger = pino(
    {
      level,
      base: { service: 'time-service' },
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
    },
    stream,
  );

  const flush = () =>
    new Promise<void>((resolve) => {
      stream.flush(() => resolve());
    });

  return { logger, flush };
}
