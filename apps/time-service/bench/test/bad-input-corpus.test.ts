import { afterAll, beforeAll, describe, expect, it } from 'bun:test';
import { join } from 'node:path';

import { loadCorpus } from '../lib/corpus';
import { startServer, type RunningServer } from '../lib/server-process';
import { runCase } from '../reliability/bad-input';

// The fast part of the reliability suite: every corpus case against the service run from its
// sources, so it needs no build. `npx nx run time-service:reliability` runs the same cases
// against the production bundle, with a soak and a shutdown under load.
const SERVICE_MAIN = join(import.meta.dir, '..', '..', 'src', 'main.ts');
const CASE_TIMEOUT_MS = 800;
const corpus = loadCorpus(join(import.meta.dir, '..', 'corpus'));

describe('the service, sent each bad-input corpus case as raw bytes', () => {
  let server: RunningServer;
  let alive = true;

  beforeAll(async () => {
    server = await startServer({
      argv: [process.execPath, SERVICE_MAIN],
      env: { LOG_LEVEL: 'silent', TRUST_PROXY: undefined },
    });
    void server.exited.then(() => {
      alive = false;
    });
  });

  afterAll(async () => {
    await server.stop();
  });

  for (const testCase of corpus) {
    it(`answers ${testCase.name} cleanly and still serves GET / after it`, async () => {
      const result = await runCase(
        {
          port: server.port,
          expectedIp: '127.0.0.1',
          timeoutMs: CASE_TIMEOUT_MS,
          isAlive: () => alive,
        },
        testCase,
      );

      expect({
        observed: result.verdict.observed,
        problem: result.verdict.problem,
        followUp: result.followUpProblem,
      }).toEqual({ observed: result.verdict.observed, problem: null, followUp: null });
    });
  }
});
