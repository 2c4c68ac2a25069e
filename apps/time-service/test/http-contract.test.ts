import { afterAll, beforeAll, describe, expect, it } from 'bun:test';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { createApp } from '../src/app';
import { createLogger, type LoggerHandle } from '../src/logger';
import { startServer, type RunningServer } from '../src/server';
import { parseTrustProxy } from '../src/trust-proxy';
import { logLines, tempDir } from './support/processes';

const TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}\+00:00$/;

interface Started {
  readonly server: RunningServer;
  readonly url: string;
  readonly log: LoggerHandle;
  readonly logFile: string;
}

function start(trustProxy: string, host = '127.0.0.1'): Started {
  const logFile = join(tempDir(), 'service.log');
  const log = createLogger('info', logFile);
  const app = createApp({ trustProxy: parseTrustProxy(trustProxy), logger: log.logger });
  const server = startServer(app, { port: 0, host });
  const urlHost = host.includes(':') ? `[${host}]` : host;

  return { server, url: `http://${urlHost}:${server.port}`, log, logFile };
}

// Request lines are written after the response is sent, so the client may see the answer
// before the line exists.
async function waitForLogLine(
  file: string,
  matches: (entry: Record<string, unknown>) => boolean,
): Promise<Record<string, unknown> | undefined> {
  for (let attempt = 0; attempt < 150; attempt++) {
    const line = logLines(readFileSync(file, 'utf8')).find(matches);
    if (line !== undefined) {
      return line;
    }
    await Bun.sleep(20);
  }
  return undefined;
}

describe('the HTTP contract, trusting no proxy', () => {
  let service: Started;

  beforeAll(() => {
    service = start('');
  });

  afterAll(async () => {
    await service.server.stop(1000);
  });

  it('answers GET / with the time and the caller address as JSON', async () => {
    const before = Date.now();
    const response = await fetch(`${service.url}/`);
    const body = (await response.json()) as Record<string, string>;

    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toStartWith('application/json');
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(Object.keys(body)).toEqual(['timestamp', 'ip']);
    expect(body.ip).toBe('127.0.0.1');
    expect(body.timestamp).toMatch(TIMESTAMP);
    expect(Date.parse(body.timestamp as string)).toBeGreaterThanOrEqual(before - (before % 1000));
    expect(Date.parse(body.timestamp as string)).toBeLessThanOrEqual(Date.now());
  });

  it('ignores a forged X-Forwarded-For', async () => {
    const response = await fetch(`${service.url}/`, {
      headers: { 'x-forwarded-for': '6.6.6.6' },
    });

    expect(((await response.json()) as { ip: string }).ip).toBe('127.0.0.1');
  });

  it('answers HEAD / with the headers and no body', async () => {
    const response = await fetch(`${service.url}/`, { method: 'HEAD' });

    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toStartWith('application/json');
    expect(await response.text()).toBe('');
  });

  it('answers GET /healthz with 200', async () => {
    const response = await fetch(`${service.url}/healthz`);

    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ok' });
  });

  it('answers an unknown path with a small JSON 404', async () => {
    const response = await fetch(`${service.url}/nope?secret=1`);

    expect(response.status).toBe(404);
    expect(response.headers.get('content-type')).toStartWith('application/json');
    expect(await response.json()).toEqual({ status: 404, error: 'Not Found' });
  });

  for (const [method, path] of [
    ['POST', '/'],
    ['PUT', '/'],
    ['DELETE', '/healthz'],
  ] as const) {
    it(`answers ${method} ${path} with 405 and Allow: GET, HEAD`, async () => {
      const response = await fetch(`${service.url}${path}`, { method, body: 'x' });

      expect(response.status).toBe(405);
      expect(response.headers.get('allow')).toBe('GET, HEAD');
      expect(await response.json()).toEqual({ status: 405, error: 'Method Not Allowed' });
    });
  }

  it('logs one JSON line per request, without the query string', async () => {
    await fetch(`${service.url}/nope?token=hunter2`);

    const line = await waitForLogLine(service.logFile, (entry) => entry.path === '/nope');

    expect(line).toMatchObject({ method: 'GET', path: '/nope', status: 404, ip: '127.0.0.1' });
    expect(typeof line?.durationMs).toBe('number');
    expect(readFileSync(service.logFile, 'utf8')).not.toContain('hunter2');
  });
});

describe('the HTTP contract behind a trusted load balancer', () => {
  let service: Started;

  beforeAll(() => {
    service = start('127.0.0.0/8');
  });

  afterAll(async () => {
    await service.server.stop(1000);
  });

  it('reports the address the balancer appended, not the ones the caller forged', async () => {
    const response = await fetch(`${service.url}/`, {
      headers: { 'x-forwarded-for': '6.6.6.6, 198.51.100.23' },
    });

    expect(((await response.json()) as { ip: string }).ip).toBe('198.51.100.23');
  });

  it('never echoes a malformed entry', async () => {
    const response = await fetch(`${service.url}/`, {
      headers: { 'x-forwarded-for': '198.51.100.23, "><script>' },
    });

    expect(((await response.json()) as { ip: string }).ip).toBe('127.0.0.1');
  });
});

describe('the HTTP contract over IPv6', () => {
  it('reports an IPv6 caller in compressed form', async () => {
    const service = start('', '::1');

    try {
      const response = await fetch(`${service.url}/`);
      expect(((await response.json()) as { ip: string }).ip).toBe('::1');
    } finally {
      await service.server.stop(1000);
    }
  });
});
