import { Elysia } from 'elysia';

import type { TrustProxyPolicy } from '../trust-proxy';
import { callerIp } from '../http/caller-ip';
import { formatTimestamp } from '../timestamp';

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
  return new Elysia({ name: 'time-routes' }).get('/', ({ request, server, set }): TimeResponse => {
    const ip = callerIp(request, server, trustProxy);

    if (ip === null) {
      throw new UnknownPeerError('The request has no socket peer to take the address from');
    }

    // The answer is "now": a cache in between must not serve it again.
    set.headers['cache-control'] = 'no-store';
    return { timestamp: formatTimestamp(now()), ip };
  });
}
