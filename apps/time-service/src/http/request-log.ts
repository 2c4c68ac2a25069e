import { Elysia } from 'elysia';

import type { ServiceLogger } from '../logger';
import type { TrustProxyPolicy } from '../trust-proxy';
import { callerIp } from './caller-ip';

/**
 * Logs one line per request after its response has been sent, so logging never delays an
 * answer: method, path (without the query string, which may carry tokens), status, duration
 * in milliseconds and the caller's address.
 */
export function requestLog(logger: ServiceLogger, trustProxy: TrustProxyPolicy) {
  const arrivals = new WeakMap<Request, Arrival>();

  return new Elysia({ name: 'request-log' })
    .onRequest(({ request, server }) => {
      if (!logger.isLevelEnabled('info')) {
        return;
      }
      // The peer's address is read now: once the response is sent, the socket may be gone.
      arrivals.set(request, {
        startedAt: performance.now(),
        ip: safeCallerIp(request, server, trustProxy),
      });
    })
    .onAfterResponse({ as: 'global' }, ({ request, path, set }) => {
      const arrival = arrivals.get(request);
      if (arrival === undefined) {
        return;
      }

      logger.info(
        {
          method: request.method,
          path,
          status: typeof set.status === 'number' ? set.status : 200,
          durationMs: roundMs(performance.now() - arrival.startedAt),
          ip: arrival.ip,
        },
        'request',
      );
    });
}

interface Arrival {
  readonly startedAt: number;
  readonly ip: string | null;
}

function safeCallerIp(
  request: Request,
  server: Parameters<typeof callerIp>[1],
  trustProxy: TrustProxyPolicy,
): string | null {
  try {
    return callerIp(request, server, trustProxy);
  } catch {
    return null;
  }
}

function roundMs(ms: number): number {
  return Math.round(ms * 1000) / 1000;
}
