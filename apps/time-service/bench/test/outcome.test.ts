import { describe, expect, it } from 'bun:test';

import { parseExpect } from '../lib/corpus';
import { judgeExchange } from '../lib/outcome';
import type { Ending, RawExchange } from '../lib/raw-exchange';

const exchange = (data: string, ending: Ending): RawExchange => ({
  data: Buffer.from(data, 'latin1'),
  ending,
  elapsedMs: 1,
  close: () => {},
});

const timeResponse = (ip: string) => {
  const body = JSON.stringify({ timestamp: '2025-01-01T00:00:00.000Z', ip });
  return `HTTP/1.1 200 OK\r\nContent-Length: ${body.length}\r\n\r\n${body}`;
};

describe('judgeExchange', () => {
  it('passes a clean close when a close is accepted', () => {
    expect(judgeExchange(exchange('', 'reset'), parseExpect('4xx|close', 'x')).passed).toBe(true);
  });

  it('fails a 505 when only 4xx or a close is accepted', () => {
    const verdict = judgeExchange(
      exchange('HTTP/1.1 505 X\r\nContent-Length: 0\r\n\r\n', 'eof'),
      parseExpect('4xx|close', 'x'),
    );
    expect(verdict.passed).toBe(false);
    expect(verdict.observed).toBe('505, then closed');
  });

  it('fails a response cut short, whatever was accepted', () => {
    const verdict = judgeExchange(
      exchange('HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\nabc', 'eof'),
      parseExpect('200|close', 'x'),
    );
    expect(verdict.problem).toContain('incomplete response');
  });

  it('fails a time response that reports an address other than the peer', () => {
    const verdict = judgeExchange(
      exchange(timeResponse('1.2.3.4'), 'open'),
      parseExpect('200', 'x'),
      {
        expectedIp: '127.0.0.1',
      },
    );
    expect(verdict.problem).toBe('ip is 1.2.3.4, expected 127.0.0.1');
  });

  it('fails a required close when the server left the connection open', () => {
    const verdict = judgeExchange(
      exchange(timeResponse('127.0.0.1'), 'open'),
      parseExpect('200+close', 'x'),
    );
    expect(verdict.problem).toBe('expected 200, then a close');
  });

  it('passes pipelined responses whose statuses match in order', () => {
    const data = timeResponse('127.0.0.1') + 'HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\n\r\n';
    expect(judgeExchange(exchange(data, 'open'), parseExpect('200,4xx', 'x')).passed).toBe(true);
  });
});
