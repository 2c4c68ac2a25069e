import { connect, type Socket } from 'node:net';

/** A raw TCP connection that sends bytes and reads whole HTTP/1.1 responses. */
export class RawConnection {
  private buffer = '';
  private closed = false;

  private constructor(private readonly socket: Socket) {
    socket.setEncoding('latin1');
    socket.on('data', (chunk: string) => (this.buffer += chunk));
    socket.on('close', () => (this.closed = true));
    socket.on('error', () => (this.closed = true));
  }

  /** Opens a connection to host:port. */
  static open(port: number, host = '127.0.0.1'): Promise<RawConnection> {
    return new Promise((resolve, reject) => {
      const socket = connect(port, host, () => resolve(new RawConnection(socket)));
      socket.once('error', reject);
    });
  }

  /** True once the server has closed the connection. */
  get isClosed(): boolean {
    return this.closed;
  }

  /** Sends a GET request for `path` on this connection and returns the response's head. */
  async get(path: string, timeoutMs = 2000): Promise<string> {
    this.socket.write(`GET ${path} HTTP/1.1\r\nHost: localhost\r\n\r\n`);
    return this.readResponse(timeoutMs);
  }

  /** Closes the connection from this side. */
  close(): void {
    this.socket.destroy();
  }

  private async readResponse(timeoutMs: number): Promise<string> {
    const deadline = Date.now() + timeoutMs;

    while (Date.now() < deadline) {
      const response = this.takeResponse();
      if (response !== null) {
        return response;
      }
      if (this.closed) {
        throw new Error(`connection closed before a full response; got ${this.buffer}`);
      }
      await Bun.sleep(10);
    }
    throw new Error(`no full response within ${timeoutMs} ms; got ${this.buffer}`);
  }

  private takeResponse(): string | null {
    const headEnd = this.buffer.indexOf('\r\n\r\n');
    if (headEnd < 0) {
      return null;
    }

    const head = this.buffer.slice(0, headEnd);
    const length = Number(/content-length:\s*(\d+)/i.exec(head)?.[1] ?? 0);
    const end = headEnd + 4 + length;
    if (this.buffer.length < end) {
      return null;
    }

    const response = this.buffer.slice(0, end);
    this.buffer = this.buffer.slice(end);
    return response;
  }
}
