import { RawConnection, type RequestOutcome } from '../lib/raw-connection';
import type { RunningServer, ServerExit } from '../lib/server-process';
import { findTimeResponseProblem } from '../lib/time-response';

/** Settings for the shutdown-under-load check. */
export interface ShutdownOptions {
  /** Clients that send whole requests back to back on keep-alive connections. */
  readonly fastClients: number;
  /** Clients that send each request in two pieces with a pause between them. */
  readonly slowClients: number;
  /** The pause inside each slow request, in milliseconds. */
  readonly slowGapMs: number;
  /** Milliseconds of load before SIGTERM. */
  readonly loadBeforeSignalMs: number;
  /** Milliseconds the process may take to exit after SIGTERM before it counts as hung. */
  readonly exitDeadlineMs: number;
}

/** What the shutdown check saw. */
export interface ShutdownResult {
  /** Requests answered with a well-formed 200. */
  readonly answered: number;
  /** Of those, how many were answered after SIGTERM. */
  readonly answeredAfterSignal: number;
  /** Slow requests (begun before SIGTERM, finished after it) answered with a 200. */
  readonly slowAnsweredAcrossSignal: number;
  /** Connections refused after SIGTERM: the listener had closed, as it should. */
  readonly refusedAfterSignal: number;
  /**
   * Requests on a reused keep-alive connection, or a connection opened after SIGTERM, that
   * the server closed without answering; retried once on a new connection, as HTTP clients
   * do (RFC 9112, section 9.3.1), and the retry's fate is what counts.
   */
  readonly retriedAfterIdleClose: number;
  /** Each request that failed, in words. */
  readonly failures: readonly string[];
  /** How the process ended. */
  readonly exit: ServerExit;
  /** Whether no request failed and the process exited 0 by itself within the deadline. */
  readonly passed: boolean;
}

const REQUEST = 'GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n';
const WHOLE_REQUEST = [Buffer.from(REQUEST)];
const SPLIT_REQUEST = [Buffer.from(REQUEST.slice(0, 20)), Buffer.from(REQUEST.slice(20))];

/**
 * Loads the server with fast and slow clients, sends SIGTERM while requests are in flight,
 * and checks that every request got a complete 200 (connections refused only after the
 * signal) and that the process exited 0 on its own.
 */
export async function runShutdownUnderLoad(
  server: RunningServer,
  options: ShutdownOptions,
): Promise<ShutdownResult> {
  const tally = new Tally();
  const clients = [
    ...Array.from({ length: options.fastClients }, () => runClient(server.port, tally, 'fast', 0)),
    ...Array.from({ length: options.slowClients }, (_, index) =>
      // Staggered starts put the slow clients at different points of their pause at SIGTERM.
      Bun.sleep((index * options.slowGapMs) / options.slowClients).then(() =>
        runClient(server.port, tally, 'slow', options.slowGapMs),
      ),
    ),
  ];

  await Bun.sleep(options.loadBeforeSignalMs);
  const exitPromise = server.stop('SIGTERM', options.exitDeadlineMs);
  tally.signalled = true;
  tally.signalledAt = performance.now();

  const exit = await exitPromise;
  tally.stopped = true;
  await Promise.all(clients);

  const failures = [...tally.failures];
  if (exit.killed || exit.exitCode !== 0) {
    failures.push(
      exit.killed
        ? `the process did not exit within ${options.exitDeadlineMs} ms of SIGTERM and was killed`
        : `the process exited with code ${exit.exitCode} (signal ${exit.signal ?? 'none'})`,
    );
  }

  return {
    answered: tally.answered,
    answeredAfterSignal: tally.answeredAfterSignal,
    slowAnsweredAcrossSignal: tally.slowAnsweredAcrossSignal,
    refusedAfterSignal: tally.refusedAfterSignal,
    retriedAfterIdleClose: tally.retried,
    failures,
    exit,
    passed: failures.length === 0,
  };
}

class Tally {
  signalled = false;
  signalledAt = Number.POSITIVE_INFINITY;
  stopped = false;
  answered = 0;
  answeredAfterSignal = 0;
  slowAnsweredAcrossSignal = 0;
  refusedAfterSignal = 0;
  retried = 0;
  readonly failures: string[] = [];

  fail(message: string): void {
    // A broken server could fail thousands of requests; the first few say enough.
    if (this.failures.length < 20) {
      this.failures.push(message);
    }
  }
}

async function runClient(
  port: number,
  tally: Tally,
  kind: 'fast' | 'slow',
  gapMs: number,
): Promise<void> {
  let connection: RawConnection | null = null;
  let openedAt = 0;

  while (!tally.stopped) {
    if (connection === null || connection.isClosed) {
      connection?.close();
      openedAt = performance.now();
      const opened = await RawConnection.open(port);
      if (opened === 'refused') {
        recordRefusal(tally);
        return;
      }
      connection = opened;
    }

    const startedAt = performance.now();
    const parts = kind === 'slow' ? SPLIT_REQUEST : WHOLE_REQUEST;
    const outcome = await connection.request(parts, gapMs);
    if (outcome.kind === 'closed-unanswered' && isRetryable(tally, connection, openedAt)) {
      tally.retried += 1;
      connection.close();
      connection = null;
      continue;
    }
    if (!record(tally, outcome, kind, startedAt, openedAt)) {
      connection.close();
      return;
    }
    // Slow clients use a connection per request, so each one is accepted afresh.
    if (kind === 'slow' || outcome.kind !== 'response' || closesAfter(outcome)) {
      connection.close();
      connection = null;
    }
  }
  connection?.close();
}

/**
 * A request closed unanswered after SIGTERM is one the server never took up, and a client
 * may resend it, when it went out on a reused keep-alive connection (the server closed the
 * connection as idle while the request was on its way) or on a connection opened shortly
 * before or after the signal (still in the kernel's accept queue when the listener closed,
 * which resets it). A request on an older connection that the server had accepted is not.
 */
function isRetryable(tally: Tally, connection: RawConnection, openedAt: number): boolean {
  const acceptWindowMs = 100;
  return (
    tally.signalled &&
    (connection.requestsSent > 1 || openedAt > tally.signalledAt - acceptWindowMs)
  );
}

function recordRefusal(tally: Tally): void {
  if (tally.signalled) {
    tally.refusedAfterSignal += 1;
  } else {
    tally.fail('a connection was refused before SIGTERM');
  }
}

function record(
  tally: Tally,
  outcome: RequestOutcome,
  kind: 'fast' | 'slow',
  startedAt: number,
  openedAt: number,
): boolean {
  const when = tally.signalled ? 'after SIGTERM' : 'before SIGTERM';

  switch (outcome.kind) {
    case 'closed-unanswered': {
      const age = Math.round(tally.signalledAt - openedAt);
      tally.fail(
        `a ${kind} request was closed unanswered (${outcome.how}) ${when}, on a connection ` +
          `opened ${Number.isFinite(age) ? `${age} ms before SIGTERM` : 'before SIGTERM'}`,
      );
      return false;
    }
    case 'cut-short':
      tally.fail(`a ${kind} response was cut short after ${outcome.bytes} bytes ${when}`);
      return false;
    case 'response': {
      const body = outcome.response.body.toString('utf8');
      const problem = outcome.response.status === 200 ? findTimeResponseProblem(body) : null;
      if (outcome.response.status !== 200 || problem !== null) {
        tally.fail(`a ${kind} request got ${outcome.response.status} ${when}: ${problem ?? body}`);
        return false;
      }

      tally.answered += 1;
      if (tally.signalled) {
        tally.answeredAfterSignal += 1;
        if (kind === 'slow' && startedAt < tally.signalledAt) {
          tally.slowAnsweredAcrossSignal += 1;
        }
      }
      return true;
    }
  }
}

function closesAfter(outcome: RequestOutcome & { kind: 'response' }): boolean {
  return outcome.response.headers.get('connection')?.toLowerCase() === 'close';
}
