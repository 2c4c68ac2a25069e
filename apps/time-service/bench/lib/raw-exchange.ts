import { connect, type Socket } from 'node:net';

import { LOOPBACK } from './free-port';

/** How a raw exchange ended. */
export type Ending = 'eof' | 'reset' | 'open' | 'refused';

/** What came back after sending raw bytes. */
export interface RawExchange {
  /** Every byte the server sent. */
  readonly data: Buffer;
  /** Closed cleanly (eof), reset, still open when we stopped waiting, or refused. */
  readonly ending: Ending;
  /** Milliseconds from connect to the end of the exchange. */
  readonly elapsedMs: number;
  /** Closes our side; call it once done with the exchange. */
  readonly close: () => void;
}

/** Options for one raw exchange. */
export interface ExchangeOptions {
  /** Stop waiting after this many milliseconds of total time. @default 1500 */
  readonly timeoutMs?: number;
  /** Called on each arrival; returning true ends the wait with the connection still open. */
  readonly isEnough?: (data: Buffer) => boolean;
}

/**
 * Opens a TCP connection to 127.0.0.1:`port`, writes `payload` as is, and collects what the
 * server sends until it closes, `isEnough` says so, or the time runs out. Write errors after
 * the server has answered (it may close before reading an oversized request) are expected
 * and do not fail the exchange.
 */
export function exchangeRaw(
  port: number,
  payload: Buffer,
  options: ExchangeOptions = {},
): Promise<RawExchange> {
  const timeoutMs = options.timeoutMs ?? 1500;
  const startedAt = performance.now();

  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    const socket: Socket = connect({ host: LOOPBACK, port });
    let connected = false;
    let settled = false;

    const finish = (ending: Ending): void => {
      if (settled) {
        return;
      }
      settled = true;
      clearTimeout(timer);
      resolve({
        data: Buffer.concat(chunks),
        ending,
        elapsedMs: performance.now() - startedAt,
        close: () => socket.destroy(),
      });
    };
    const timer = setTimeout(() => finish('open'), timeoutMs);

    socket.on('connect', () => {
      connected = true;
      if (payload.length > 0) {
        socket.write(payload);
      }
    });
    socket.on('data', (chunk: Buffer) => {
      chunks.push(chunk);
      if (options.isEnough?.(Buffer.concat(chunks)) === true) {
        finish('open');
      }
    });
    socket.on('end', () => finish('eof'));
    socket.on('close', () => finish('eof'));
    // After the connection is up, any error (ECONNRESET, EPIPE) means the server reset it.
    socket.on('error', () => finish(connected ? 'reset' : 'refused'));
  });
}
