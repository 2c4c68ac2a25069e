import { SERVICE_KEEP_ALIVE_SECONDS } from '@simple-time-service/service-contract';

import type { AnyElysia } from 'elysia';

/** A listening server and the means to stop it. */
export interface RunningServer {
  /** The port actually bound (differs from the one asked for when that was 0). */
  readonly port: number;
  /** The address bound. */
  readonly hostname: string;
  /**
   * Stops accepting connections and resolves once in-flight requests have been answered.
   * Requests still running after `graceMs` are cut off so that shutdown always ends.
   */
  readonly stop: (graceMs: number) => Promise<'drained' | 'forced'>;
}

/** Where to listen. */
export interface ListenOptions {
  /** TCP port; 0 picks a free one. */
  readonly port: number;
  /** Address to bind. */
  readonly host: string;
}

/** Thrown when the server cannot bind its address. */
export class ListenError extends Error {
  override readonly name = 'ListenError';
}

/** Starts Bun's HTTP server for the app. */
export function startServer(app: AnyElysia, { port, host }: ListenOptions): RunningServer {
  try {
    // Bun's default idle timeout is 10 s, far below the load balancer's 60 s: the balancer
    // would then reuse connections the service had already closed, and callers see 502s.
    app.listen({ port, hostname: host, idleTimeout: SERVICE_KEEP_ALIVE_SECONDS });
  } catch (error) {
    throw new ListenError(
      `Cannot listen on ${host}:${port} (${(error as Error).message}). If the port is in ` +
        'use, free it or set PORT to another; if HOST is not an address of this machine, ' +
        'set HOST to one that is (0.0.0.0 for every interface).',
    );
  }

  const server = app.server;
  if (server === null) {
    throw new ListenError(`Cannot listen on ${host}:${port}: Bun returned no server.`);
  }

  return {
    port: server.port ?? port,
    hostname: server.hostname ?? host,
    stop: (graceMs) => stopGracefully(app, graceMs),
  };
}

async function stopGracefully(app: AnyElysia, graceMs: number): Promise<'drained' | 'forced'> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const deadline = new Promise<'forced'>((resolve) => {
    timer = setTimeout(() => resolve('forced'), graceMs);
  });

  // stop(false) closes the listener and idle keep-alive sockets at once, then waits for
  // requests in flight; stop(true) closes whatever is left.
  const outcome = await Promise.race([app.stop(false).then(() => 'drained' as const), deadline]);
  clearTimeout(timer);

  if (outcome === 'forced') {
    await app.server?.stop(true);
  }
  return outcome;
}
