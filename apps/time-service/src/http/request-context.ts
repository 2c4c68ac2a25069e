import { Elysia } from 'elysia';

import type { TrustProxyPolicy } from '../trust-proxy';
import { callerIp } from './caller-ip';

/**
 * Adds what every later stage needs to the request's context as soon as it arrives, once:
 * `receivedAt` (a `performance.now()` reading) and `clientIp` (null when the socket's peer
 * is unknown). Doing it before routing means unknown paths and errors get them too.
 */
export function requestContext(trustProxy: TrustProxyPolicy) {
  return new Elysia({ name: 'request-context' })
    .decorate({ receivedAt: 0, clientIp: null as string | null })
    .onRequest((context) => {
      context.receivedAt = performance.now();
      context.clientIp = callerIp(context.request, context.server, trustProxy);
    });
}
