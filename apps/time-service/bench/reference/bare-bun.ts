/**
 * The ceiling for this runtime: a bare `Bun.serve` handler that answers the same JSON as the
 * service, with no framework and no logging. Run with PORT and HOST in the environment.
 */
const port = Number(process.env.PORT ?? 8080);
const hostname = process.env.HOST ?? '127.0.0.1';

const server = Bun.serve({
  port,
  hostname,
  fetch(request, server) {
    const ip = server.requestIP(request)?.address ?? null;
    return Response.json({ timestamp: new Date().toISOString(), ip });
  },
});

// Drain in-flight requests on SIGTERM and exit 0, as the service does, so that stopping it
// between rounds measures the same thing for both.
process.on('SIGTERM', () => {
  void server.stop().then(() => process.exit(0));
});
