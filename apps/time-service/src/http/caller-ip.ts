import type { Server } from 'bun';

import { resolveClientIp } from '../client-ip';
import type { TrustProxyPolicy } from '../trust-proxy';

/**
 * The caller's address for a request that reached Bun's server, or null when the socket's
 * peer is unknown (a Unix socket, or a request handled without a server).
 */
export function callerIp(
  request: Request,
  server: Server<unknown> | null,
  policy: TrustProxyPolicy,
): string | null {
  const peer = server?.requestIP(request);

  if (!peer) {
    return null;
  }

  return resolveClientIp(peer.address, request.headers.get('x-forwarded-for'), policy);
}
