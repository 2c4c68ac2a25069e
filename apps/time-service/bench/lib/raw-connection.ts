import { connect, type Socket } from 'node:net';

import { LOOPBACK } from './free-port';
import { parseResponses, type ParsedResponse } from './http-response-parser';

/** How one request on a raw connection ended. */
export type RequestOutcome =
  /** A complete response arrived. */
  | { readonly kind: 'response'; readonly response: ParsedResponse }
  /** The server closed or reset the connection before sending a byte of the response. */
  | { readonly kind: 'closed-unanswered'; readonly how: 'eof' | 'reset' }
  /** The server closed or reset the connection in the middle of the response. */
  | { readonly kind: 'cut-short'; readonly bytes: number };

/**
 * One client TCP connection that sends requests one at a time, optionally in pieces with
 * pauses between them (a slow client), and reads each response completely. Used where the
 * exact fate of every request matters, which an HTTP client library would hide behind
 * retries and pooling.
 */
export class RawConnection {
  /** How many requests this connection has carried, counting the one in flight. */
  requestsSent = 0;

  private buffer = Buffer.alloc(0);
  private ended: 'eof' | 'reset' | null = null;
  private wake: (() => void) | null = null;

  private constructor(private readonly socket: Socket) {
    socket.on('data', (chunk: Buffer) => {
      this.buffer = Buffer.concat([this.buffer, chunk]);
      this.wake?.();
    });
    socket.on('end', () => this.markEnded('eof'));
    socket.on('close', () => this.markEnded('eof'));
    socket.on('error', () => this.markEnded('reset'));
  }

  /** Connects to 127.0.0.1:`port`; resolves 'refused' when nothing accepts the connection. */
  static open(port: number): Promise<RawConnection | 'refused'> {
    return new Promise((resolve) => {
      const socket = connect({ host: LOOPBACK, port });
      socket.once('connect', () => resolve(new RawConnection(socket)));
      socket.once('error', () => resolve('refused'));
    });
  }

  /** Whether the server has closed or reset this connection. */
  get isClosed(): boolean {
    return this.ended !== null;
  }

  /**
   * Sends `parts` with `gapMs` between them and waits for one complete response, or for the
   * server to give up on the connection.
   */
  async request(parts: readonly Buffer[], gapMs = 0): Promise<RequestOutcome> {
    this.requestsSent += 1;

    for (const [index, part] of parts.entries()) {
      if (index > 0 && gapMs > 0) {
        await Bun.sleep(gapMs);
      }
      if (this.ended === null) {
        this.socket.write(part);
      }
    }
    return this.readResponse();
  }

  /** Closes our side of the connection. */
  close(): void {
    this.socket.destroy();
  }

  private async readResponse(): Promise<RequestOutcome> {
    for (;;) {
      const parsed = parseResponses(this.buffer, this.ended !== null);
      const response = parsed.responses[0];

      if (response !== undefined) {
        this.buffer = Buffer.alloc(0);
        return { kind: 'response', response };
      }
      if (this.ended !== null) {
        return this.buffer.length === 0
          ? { kind: 'closed-unanswered', how: this.ended }
          : { kind: 'cut-short', bytes: this.buffer.length };
      }
      await new Promise<void>((resolve) => {
        this.wake = resolve;
      });
      this.wake = null;
    }
  }

  private markEnded(how: 'eof' | 'reset'): void {
    this.ended ??= how;
    this.wake?.();
  }
}
