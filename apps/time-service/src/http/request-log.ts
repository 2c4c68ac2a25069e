import type { ServiceLogger } from '../logger';

/** What one request log line says. */
export interface RequestLogEntry {
  /** The request's method. */
  readonly method: string;
  /** The path, without the query string, which may carry tokens. */
  readonly path: string;
  /** The status of the answer. */
  readonly status: number;
  /** `performance.now()` when the request arrived. */
  readonly receivedAt: number;
  /** The caller's address, or null when it is unknown. */
  readonly clientIp: string | null;
}

/**
 * Writes the one line a request gets: method, path, status, duration in milliseconds and the
 * caller's address. It is called as the answer is handed to Bun, from the success and the
 * error paths alike, rather than after the response is sent: an after-response hook makes
 * Elysia schedule extra work for every request, which cost a fifth of the throughput.
 */
export function logRequest(logger: ServiceLogger, entry: RequestLogEntry): void {
  if (!logger.isLevelEnabled('info')) {
    return;
  }

  logger.info(
    {
      method: entry.method,
      path: entry.path,
      status: entry.status,
      durationMs: Math.round((performance.now() - entry.receivedAt) * 1000) / 1000,
      ip: entry.clientIp,
    },
    'request',
  );
}
