/**
 * A profiling aid, not part of the default comparison: the same JSON from Elysia with no
 * hooks, no logging and no error handler. Set against the ceiling and the service, it tells
 * how much of the service's cost is Elysia's and how much the service's own.
 */
import { Elysia } from 'elysia';

const port = Number(process.env.PORT ?? 8080);
const hostname = process.env.HOST ?? '127.0.0.1';

const app = new Elysia()
  .get('/', ({ request, server }) => ({
    timestamp: new Date().toISOString(),
    ip: server?.requestIP(request)?.address ?? null,
  }))
  .listen({ port, hostname });

process.on('SIGTERM', () => {
  void app.stop().then(() => process.exit(0));
});
