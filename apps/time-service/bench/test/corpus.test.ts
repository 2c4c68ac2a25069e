import { describe, expect, it } from 'bun:test';
import { join } from 'node:path';

import { decodePayload, loadCorpus, parseCorpus, parseExpect } from '../lib/corpus';

describe('parseCorpus', () => {
  it('reads name, accepted outcomes and payload, skipping comments and blank lines', () => {
    const cases = parseCorpus(
      '# comment\n\nget-root   200|close   GET / HTTP/1.1\\r\\n\\r\\n\n',
      'a.txt',
    );

    expect(cases).toHaveLength(1);
    expect(cases[0]?.name).toBe('get-root');
    expect(cases[0]?.source).toBe('a.txt:3');
    expect(cases[0]?.expect).toEqual([
      { kind: 'responses', statuses: ['200'], thenClose: false },
      { kind: 'close' },
    ]);
    expect(cases[0]?.payload.toString('latin1')).toBe('GET / HTTP/1.1\r\n\r\n');
  });

  it('reads a line without payload as a client that sends nothing', () => {
    expect(parseCorpus('silent open|close', 'a.txt')[0]?.payload.length).toBe(0);
  });

  it('names the file and line of a malformed line', () => {
    expect(() => parseCorpus('\nlonely\n', 'b.txt')).toThrow('b.txt:2');
  });
});

describe('parseExpect', () => {
  it('expands *N into N statuses and keeps the order of a sequence', () => {
    expect(parseExpect('200*2,4xx', 'x')).toEqual([
      { kind: 'responses', statuses: ['200', '200', '4xx'], thenClose: false },
    ]);
  });

  it('reads a final +close as a required close after the responses', () => {
    expect(parseExpect('200+close', 'x')).toEqual([
      { kind: 'responses', statuses: ['200'], thenClose: true },
    ]);
  });

  it('rejects an unknown outcome with the accepted forms', () => {
    expect(() => parseExpect('ok', 'c.txt:4')).toThrow('c.txt:4: unknown outcome "ok"');
  });
});

describe('decodePayload', () => {
  it('decodes escapes into single bytes', () => {
    expect([...decodePayload('\\r\\n\\t\\0\\\\\\x7f\\xff\\{\\}', 'x')]).toEqual([
      13, 10, 9, 0, 92, 127, 255, 123, 125,
    ]);
  });

  it('repeats {TEXT*N} N times', () => {
    expect(decodePayload('a{bc*3}d', 'x').toString('latin1')).toBe('abcbcbcd');
  });

  it('rejects a character that is not one byte', () => {
    expect(() => decodePayload('é€', 'x')).toThrow('is not one byte');
  });

  it('rejects an unknown escape', () => {
    expect(() => decodePayload('\\q', 'd.txt:1')).toThrow('d.txt:1: unknown escape "\\q"');
  });
});

describe('the corpus', () => {
  it('loads, with a unique name for every case', () => {
    const cases = loadCorpus(join(import.meta.dir, '..', 'corpus'));
    expect(cases.length).toBeGreaterThan(100);
  });
});
