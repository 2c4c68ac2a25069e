import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** The production bundle, as the container runs it; the `test` target builds it first. */
export const BUNDLE = join(import.meta.dir, '../../../../dist/apps/time-service/main.js');

/** A fresh temporary folder for one test's files. */
export function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'time-service-test-'));
}

/** A service process started by a test, with its output collected as it arrives. */
export interface ServiceProcess {
  /** The child process. */
  readonly child: ReturnType<typeof Bun.spawn>;
  /** Everything written to stdout so far. */
  readonly stdout: () => string;
  /** Everything written to stderr so far. */
  readonly stderr: () => string;
  /** Resolves with the exit code once the process has ended and its output is all read. */
  readonly exited: Promise<number>;
}

/** Spawns `bun <script>` with the given environment added to this process's. */
export function spawnService(script: string, env: Record<string, string>): ServiceProcess {
  const child = Bun.spawn(['bun', script], {
    env: { ...process.env, ...env },
    stdout: 'pipe',
    stderr: 'pipe',
  });
  const out = collect(child.stdout);
  const err = collect(child.stderr);

  const exited = Promise.all([child.exited, out.done, err.done]).then(([code]) => code);

  return { child, stdout: out.text, stderr: err.text, exited };
}

/** Waits until the service logs its "listening" line, or fails with what it printed. */
export async function waitUntilListening(service: ServiceProcess, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;

  while (Date.now() < deadline) {
    if (service.stdout().includes('"msg":"listening"')) {
      return;
    }
    if (service.child.exitCode !== null) {
      break;
    }
    await Bun.sleep(20);
  }
  throw new Error(
    `service did not start listening:\nstdout: ${service.stdout()}\nstderr: ${service.stderr()}`,
  );
}

/** Parses the JSON log lines a service wrote. */
export function logLines(text: string): Record<string, unknown>[] {
  return text
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as Record<string, unknown>);
}

function collect(stream: ReadableStream<Uint8Array>): {
  text: () => string;
  done: Promise<void>;
} {
  let text = '';
  const decoder = new TextDecoder();

  const done = (async () => {
    for await (const chunk of stream) {
      text += decoder.decode(chunk, { stream: true });
    }
  })();
  return { text: () => text, done };
}
