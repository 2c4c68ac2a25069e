import { describe, expect, it } from 'bun:test';

import { parseResponses } from '../lib/http-response-parser';

const bytes = (text: string) => Buffer.from(text, 'latin1');

describe('parseResponses', () => {
  it('reads pipelined responses framed by Content-Length', () => {
    const one = 'HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok';
    const parsed = parseResponses(bytes(one + one), false);

    expect(parsed.responses.map((r) => r.status)).toEqual([200, 200]);
    expect(parsed.leftover).toBe(0);
  });

  it('waits for the rest of a body that has not all arrived', () => {
    const parsed = parseResponses(bytes('HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\nok'), false);
    expect(parsed.responses).toHaveLength(0);
    expect(parsed.error).toBeNull();
  });

  it('removes chunked transfer coding', () => {
    const text =
      'HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n2\r\nok\r\n1\r\n!\r\n0\r\n\r\n';
    expect(parseResponses(bytes(text), false).responses[0]?.body.toString()).toBe('ok!');
  });

  it('completes a response without length only once the connection is closed', () => {
    const text = 'HTTP/1.1 400 Bad Request\r\nConnection: close\r\n\r\n';
    expect(parseResponses(bytes(text), false).responses).toHaveLength(0);
    expect(parseResponses(bytes(text), true).responses[0]?.status).toBe(400);
  });

  it('reads no body after a HEAD request', () => {
    const text = 'HTTP/1.1 200 OK\r\nContent-Length: 57\r\n\r\n';
    expect(parseResponses(bytes(text), false, true).responses).toHaveLength(1);
  });

  it('reports bytes that cannot start a response', () => {
    expect(parseResponses(bytes('garbage\r\n\r\n'), true).error).toContain('not an HTTP/1.x');
  });
});
