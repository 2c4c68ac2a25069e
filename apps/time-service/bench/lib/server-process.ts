import type { Subprocess } from 'bun';

import { findFreePort, LOOPBACK } from './free-port';

/** How to start one server: its command line and the environment it needs beyond PORT. */
export interface ServerCommand {
  /** Program and arguments; `{port}` in any argument is replaced by the chosen port. */
  readonly argv: readonly string[];
  /** Extra environment; a variable set to undefined is removed from the inherited one. */
  readonly env?: Readonly<Record<string, string | undefined>>;
}

/** Options for starting a server and waiting until it answers. */
export interface StartOptions {
  /** Path polled until it answers 200. @default '/' */
  readonly readyPath?: string;
  /** Give up if no 200 arrives within this many milliseconds. @default 20000 */
  readonly readyTimeoutMs?: number;
}

/** How a server process ended. */
export interface ServerExit {
  /** Exit code, or null when a signal ended it. */
  readonly exitCode: number | null;
  /** The signal that ended it, or null when it exited by itself. */
  readonly signal: string | null;
  /** Milliseconds from the stop request to the process's end. */
  readonly elapsedMs: number;
  /** True when it outlived the grace period and was killed. */
  readonly killed: boolean;
}

/** A started server that has answered its first 200. */
export interface RunningServer {
  /** The server's PID (the master's, for gunicorn). */
  readonly pid: number;
  /** The port it listens on at 127.0.0.1. */
  readonly port: number;
  /** Base URL for requests, e.g. http://127.0.0.1:40123. */
  readonly url: string;
  /** Milliseconds from spawn to the first 200 on the ready path. */
  readonly startupMs: number;
  /** The last lines it wrote to stderr, for error messages. */
  readonly stderrTail: () => string;
  /** Resolves when the process ends, however it ends. */
  readonly exited: Promise<number>;
  /** Sends `signal`, waits up to `graceMs`, then kills; resolves with how it ended. */
  readonly stop: (signal?: NodeJS.Signals, graceMs?: number) => Promise<ServerExit>;
}

const POLL_INTERVAL_MS = 5;
const STDERR_TAIL_BYTES = 4096;

/**
 * Starts a server on a free loopback port with its stdout discarded (the service logs a line
 * per request there), and resolves once it answers 200, with the start-up time measured.
 */
export async function startServer(
  command: ServerCommand,
  options: StartOptions = {},
): Promise<RunningServer> {
  const readyPath = options.readyPath ?? '/';
  const readyTimeoutMs = options.readyTimeoutMs ?? 20_000;
  const port = await findFreePort();
  const argv = command.argv.map((arg) => arg.replaceAll('{port}', String(port)));
  const env = buildEnv(port, command.env ?? {});

  const spawnedAt = performance.now();
  const child = Bun.spawn([...argv], { env, stdin: 'ignore', stdout: 'ignore', stderr: 'pipe' });
  const stderr = collectTail(child.stderr);
  const url = `http://${LOOPBACK}:${port}`;

  const ready = await waitForOk(`${url}${readyPath}`, child, readyTimeoutMs);
  if (!ready) {
    child.kill('SIGKILL');
    await child.exited;
    throw new Error(
      `${argv.join(' ')} did not answer 200 on ${readyPath} within ${readyTimeoutMs} ms ` +
        `(exit code ${child.exitCode ?? 'none yet'}); its stderr ended with:\n${stderr()}`,
    );
  }

  return {
    pid: child.pid,
    port,
    url,
    startupMs: performance.now() - spawnedAt,
    stderrTail: stderr,
    exited: child.exited,
    stop: (signal = 'SIGTERM', graceMs = 15_000) => stopProcess(child, signal, graceMs),
  };
}

function buildEnv(
  port: number,
  overrides: Readonly<Record<string, string | undefined>>,
): Record<string, string> {
  const env: Record<string, string | undefined> = {
    ...process.env,
    PORT: String(port),
    HOST: LOOPBACK,
    ...overrides,
  };
  return Object.fromEntries(
    Object.entries(env).filter((entry): entry is [string, string] => entry[1] !== undefined),
  );
}

async function waitForOk(url: string, child: Subprocess, timeoutMs: number): Promise<boolean> {
  const deadline = performance.now() + timeoutMs;

  while (performance.now() < deadline && child.exitCode === null) {
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(1000) });
      await response.arrayBuffer();
      if (response.status === 200) {
        return true;
      }
    } catch {
      // Connection refused until the server listens: keep polling.
    }
    await Bun.sleep(POLL_INTERVAL_MS);
  }
  return false;
}

async function stopProcess(
  child: Subprocess,
  signal: NodeJS.Signals,
  graceMs: number,
): Promise<ServerExit> {
  const stoppedAt = performance.now();
  if (child.exitCode === null && child.signalCode === null) {
    child.kill(signal);
  }

  const timer = Bun.sleep(graceMs).then(() => 'timeout' as const);
  const killed = (await Promise.race([child.exited, timer])) === 'timeout';
  if (killed) {
    child.kill('SIGKILL');
    await child.exited;
  }

  return {
    exitCode: child.exitCode,
    signal: child.signalCode === null ? null : String(child.signalCode),
    elapsedMs: performance.now() - stoppedAt,
    killed,
  };
}

function collectTail(stream: ReadableStream<Uint8Array>): () => string {
  let tail = '';
  const decoder = new TextDecoder();

  // Drain stderr continuously: a full pipe would block the server mid-benchmark.
  void (async () => {
    for await (const chunk of stream) {
      tail = (tail + decoder.decode(chunk, { stream: true })).slice(-STDERR_TAIL_BYTES);
    }
  })();
  return () => tail;
}
