import { Elysia } from 'elysia';

import { requestContext } from '../http/request-context';
import { formatTimestamp } from '../timestamp';
import type { TrustProxyPolicy } from '../trust-proxy';

/** The answer of `GET /`. */
export interface TimeResponse {
  /** Now, in UTC: `2025-12-08T10:30:45.123000+00:00`. */
  readonly timestamp: string;
  /** The caller's IP address, IPv4 dotted or IPv6 compressed. */
  readonly ip: string;
}

/** Thrown when Bun cannot tell who is on the other end of the socket. */
export class UnknownPeerError extends Error {
  override readonly name = 'UnknownPeerError';
}

/** `GET /`: the current time and the caller's address. */
export function timeRoutes(trustProxy: TrustProxyPolicy, now: () => Date) {
  return new Elysia({ name: 'time-routes' })
    .use(requestContext(trustProxy))
    .get('/', ({ clientIp, set }): TimeResponse => {
      if (clientIp === null) {
        throw new UnknownPeerError('The request has no socket peer to take the address from');
      }

      // The answer is "now": a cache in between must not serve it again.
      set.headers['cache-control'] = 'no-store';
      return { timestamp: formatTimestamp(now()), ip: clientIp };
    });
}
