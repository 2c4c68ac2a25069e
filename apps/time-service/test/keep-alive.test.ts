import { afterAll, beforeAll, describe, expect, it } from 'bun:test';
import {
  LOAD_BALANCER_IDLE_TIMEOUT_SECONDS,
  SERVICE_KEEP_ALIVE_SECONDS,
} from '@simple-time-service/service-contract';

import { createApp } from '../src/app';
import { createLogger } from '../src/logger';
import { startServer, type RunningServer } from '../src/server';
import { parseTrustProxy } from '../src/trust-proxy';
import { getStatus, openConnection } from './support/raw-http';

// Bun closes idle connections on a timer with a few seconds of slack, so the wait is taken
// a little past the balancer's timeout rather than exactly at it.
const IDLE_WAIT_MS = (LOAD_BALANCER_IDLE_TIMEOUT_SECONDS + 5) * 1000;

describe('keep-alive', () => {
  let server: RunningServer;

  beforeAll(() => {
    const { logger } = createLogger('silent');
    server = startServer(createApp({ trustProxy: parseTrustProxy(''), logger }), {
      port: 0,
      host: '127.0.0.1',
    });
  });

  afterAll(async () => {
    await server.stop(1000);
  });

  it('outlasts the load balancer idle timeout in the shared contract', () => {
    expect(SERVICE_KEEP_ALIVE_SECONDS).toBeGreaterThan(LOAD_BALANCER_IDLE_TIMEOUT_SECONDS);
  });

  it(
    'keeps an idle connection open past the load balancer idle timeout',
    async () => {
      const connection = await openConnection(server.port);
      expect(await getStatus(connection, '/healthz')).toBe(200);

      await Bun.sleep(IDLE_WAIT_MS);

      expect(connection.isClosed).toBe(false);
      expect(await getStatus(connection, '/healthz')).toBe(200);
      connection.close();
    },
    IDLE_WAIT_MS + 10_000,
  );
});
