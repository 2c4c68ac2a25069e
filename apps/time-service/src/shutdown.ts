import type { ServiceLogger } from './logger';

/** What `handleShutdownSignals` needs to end the process cleanly. */
export interface ShutdownOptions {
  /** Stops the server; resolves with how it ended. */
  readonly stop: (graceMs: number) => Promise<'drained' | 'forced'>;
  /** How long in-flight requests may take to finish, in milliseconds. */
  readonly graceMs: number;
  /** Where the shutdown lines go. */
  readonly logger: ServiceLogger;
  /** Writes out buffered log lines; called right before exiting. */
  readonly flush: () => void;
  /** Ends the process. @default process.exit */
  readonly exit?: (code: number) => void;
}

/** The signals that ask the service to stop: ECS and `docker stop` send SIGTERM, Ctrl-C SIGINT. */
export const SHUTDOWN_SIGNALS = ['SIGTERM', 'SIGINT'] as const;

/**
 * Stops the server on SIGTERM or SIGINT and exits 0 once it has drained. Installing handlers
 * matters most when Bun runs as PID 1 in a container: the kernel gives PID 1 no default
 * action for these signals, so without a handler the process would ignore them until killed.
 * A second signal while draining exits at once with status 1.
 */
export function handleShutdownSignals(options: ShutdownOptions): void {
  const { stop, graceMs, logger, flush, exit = (code) => process.exit(code) } = options;
  let stopping = false;

  const onSignal = (signal: NodeJS.Signals) => {
    if (stopping) {
      logger.warn({ signal }, 'second signal while stopping; exiting now');
      flush();
      exit(1);
      return;
    }
    stopping = true;
    logger.info({ signal, graceMs }, 'shutting down');

    stop(graceMs)
      .then(
        (outcome) => {
          logger.info({ outcome }, 'stopped');
          return 0;
        },
        (error: unknown) => {
          logger.error({ err: error }, 'failed to stop cleanly');
          return 1;
        },
      )
      .then((code) => {
        flush();
        exit(code);
      });
  };

  for (const signal of SHUTDOWN_SIGNALS) {
    process.on(signal, onSignal);
  }
}
