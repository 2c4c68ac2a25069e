import { describe, expect, it } from 'bun:test';
import { join } from 'node:path';

import { findFreePort } from '../bench/lib/free-port';
import { BUNDLE, logLines, spawnService, waitUntilListening } from './support/processes';
import { getStatus, openConnection } from './support/raw-http';

const SLOW_SERVICE = join(import.meta.dir, 'fixtures/slow-service.ts');

describe('the built service at start-up', () => {
  it('answers curl-style requests on the port it was given', async () => {
    const port = await findFreePort();
    const service = spawnService(BUNDLE, { PORT: String(port), HOST: '127.0.0.1' });

    try {
      await waitUntilListening(service);
      const body = (await (await fetch(`http://127.0.0.1:${port}/`)).json()) as { ip: string };
      expect(body.ip).toBe('127.0.0.1');
    } finally {
      service.child.kill('SIGTERM');
      expect(await service.exited).toBe(0);
    }
  });

  const invalid: readonly [Record<string, string>, string][] = [
    [{ PORT: 'abc' }, 'PORT must be an integer from 1 to 65535, got "abc"'],
    [{ HOST: 'not a host' }, 'HOST must be an IP address'],
    [{ TRUST_PROXY: '10.0.0.0/99' }, 'TRUST_PROXY must be'],
    [{ LOG_LEVEL: 'chatty' }, 'LOG_LEVEL must be one of'],
  ];

  for (const [env, message] of invalid) {
    it(`exits 1 at once on ${JSON.stringify(env)}, naming the variable on stderr`, async () => {
      const service = spawnService(BUNDLE, env);

      expect(await service.exited).toBe(1);
      expect(service.stderr()).toContain(message);
      expect(service.stdout()).toBe('');
    });
  }

  it('exits 1 and says what to do when the port is taken', async () => {
    const port = await findFreePort();
    const blocker = Bun.serve({ port, hostname: '127.0.0.1', fetch: () => new Response('') });

    try {
      const service = spawnService(BUNDLE, { PORT: String(port), HOST: '127.0.0.1' });

      expect(await service.exited).toBe(1);
      const fatal = logLines(service.stdout()).find((line) => line.level === 'fatal');
      expect(String(fatal?.msg)).toContain(`Cannot listen on 127.0.0.1:${port}`);
      expect(String(fatal?.msg)).toContain('free it or set PORT');
    } finally {
      await blocker.stop(true);
    }
  });
});

describe('the built service at shutdown', () => {
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    it(`exits 0 promptly on ${signal}, even with an idle keep-alive connection open`, async () => {
      const port = await findFreePort();
      const service = spawnService(BUNDLE, { PORT: String(port), HOST: '127.0.0.1' });
      await waitUntilListening(service);
      const idle = await openConnection(port);
      expect(await getStatus(idle, '/healthz')).toBe(200);

      const signalledAt = performance.now();
      service.child.kill(signal);

      expect(await service.exited).toBe(0);
      expect(performance.now() - signalledAt).toBeLessThan(2000);
      const messages = logLines(service.stdout()).map((line) => line.msg);
      expect(messages).toContain('shutting down');
      expect(messages.at(-1)).toBe('stopped');
      idle.close();
    });
  }
});

describe('shutdown with a request in flight', () => {
  it('lets the request finish, refuses new connections, then exits 0', async () => {
    const port = await findFreePort();
    const service = spawnService(SLOW_SERVICE, { PORT: String(port), SLOW_MS: '1000' });
    await waitUntilListening(service);

    const inFlight = fetch(`http://127.0.0.1:${port}/slow`);
    await Bun.sleep(200);
    service.child.kill('SIGTERM');
    await Bun.sleep(200);

    expect(fetch(`http://127.0.0.1:${port}/healthz`)).rejects.toThrow();
    const response = await inFlight;
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ slept: 1000 });
    expect(await service.exited).toBe(0);
    expect(logLines(service.stdout()).at(-1)).toMatchObject({ msg: 'stopped', outcome: 'drained' });
  });

  it('cuts off a request that outlives the grace period and still exits 0', async () => {
    const port = await findFreePort();
    const service = spawnService(SLOW_SERVICE, {
      PORT: String(port),
      SLOW_MS: '10000',
      GRACE_MS: '300',
    });
    await waitUntilListening(service);

    const inFlight = fetch(`http://127.0.0.1:${port}/slow`).then(
      () => 'answered',
      () => 'cut off',
    );
    await Bun.sleep(200);
    const signalledAt = performance.now();
    service.child.kill('SIGTERM');

    expect(await service.exited).toBe(0);
    expect(performance.now() - signalledAt).toBeLessThan(3000);
    expect(await inFlight).toBe('cut off');
    expect(logLines(service.stdout()).at(-1)).toMatchObject({ msg: 'stopped', outcome: 'forced' });
  });
});
