import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';

/** One acceptable outcome of a bad-input case. */
export type Outcome =
  /** The server closed the connection (FIN or RST) without sending a byte. */
  | { readonly kind: 'close' }
  /** The server sent nothing and kept the connection open until the case's time ran out. */
  | { readonly kind: 'open' }
  /**
   * Complete responses whose statuses match `statuses` ("200", "4xx") one to one, in order,
   * and, when `thenClose` is set, the server closing the connection after them.
   */
  | {
      readonly kind: 'responses';
      readonly statuses: readonly string[];
      readonly thenClose: boolean;
    };

/** One line of the corpus: raw bytes to send and the outcomes that count as clean. */
export interface CorpusCase {
  /** Where the case is written, as `file:line`. */
  readonly source: string;
  /** Short unique name. */
  readonly name: string;
  /** Outcomes that pass, any one of them. */
  readonly expect: readonly Outcome[];
  /** Exact bytes sent on a fresh connection; empty for a client that sends nothing. */
  readonly payload: Buffer;
}

/** Thrown when a corpus line cannot be read; the message names the file and line. */
export class CorpusError extends Error {
  override readonly name = 'CorpusError';
}

/** Reads every `*.txt` file of `directory`, in name order, into cases. */
export function loadCorpus(directory: string): CorpusCase[] {
  const files = readdirSync(directory)
    .filter((name) => name.endsWith('.txt'))
    .sort();
  const cases = files.flatMap((file) =>
    parseCorpus(readFileSync(join(directory, file), 'utf8'), basename(file)),
  );

  const seen = new Set<string>();
  for (const each of cases) {
    if (seen.has(each.name)) {
      throw new CorpusError(`${each.source}: case name "${each.name}" is already used`);
    }
    seen.add(each.name);
  }
  return cases;
}

/**
 * Parses corpus text. Each line is `NAME EXPECT PAYLOAD`, separated by runs of spaces; blank
 * lines and lines starting with # are skipped. EXPECT lists outcomes joined by `|`: `close`,
 * `open`, or the statuses of the responses in order, joined by `,` (`200,4xx`), where `*N`
 * repeats one (`200*2`) and a final `+close` requires the server to close the connection
 * after them. The payload runs to the end of the line; see decodePayload.
 */
export function parseCorpus(text: string, fileName: string): CorpusCase[] {
  const cases: CorpusCase[] = [];

  text.split('\n').forEach((rawLine, index) => {
    const line = rawLine.replace(/\r$/, '');
    const source = `${fileName}:${index + 1}`;
    if (line.trim() === '' || line.trimStart().startsWith('#')) {
      return;
    }

    const match = /^(\S+)\s+(\S+)(?:\s+(.*))?$/.exec(line);
    if (match === null) {
      throw new CorpusError(`${source}: expected "NAME EXPECT PAYLOAD", got "${line}"`);
    }
    const [, name = '', expectText = '', payloadText = ''] = match;
    cases.push({
      source,
      name,
      expect: parseExpect(expectText, source),
      payload: decodePayload(payloadText, source),
    });
  });
  return cases;
}

/** Parses an EXPECT field such as `4xx|close`, `200*2`, `200,4xx` or `200+close`. */
export function parseExpect(text: string, source: string): Outcome[] {
  return text.split('|').map((alternative) => {
    if (alternative === 'close' || alternative === 'open') {
      return { kind: alternative };
    }

    const thenClose = alternative.endsWith('+close');
    const list = thenClose ? alternative.slice(0, -'+close'.length) : alternative;
    const statuses = list.split(',').flatMap((part) => {
      const match = /^([1-5](?:\d\d|xx))(?:\*([1-9]\d?))?$/.exec(part);
      if (match === null) {
        throw new CorpusError(
          `${source}: unknown outcome "${alternative}"; use close, open, or statuses such as ` +
            '200 or 4xx joined by "," (with *N to repeat one, and +close to require a close), ' +
            'and join outcomes by |',
        );
      }
      return Array<string>(Number(match[2] ?? 1)).fill(match[1] as string);
    });
    return { kind: 'responses', statuses, thenClose };
  });
}

/**
 * Turns a payload field into bytes. Text is sent as Latin-1, one byte per character.
 * Escapes: \r \n \t \0 \\ \{ \} and \xHH for any byte; `{TEXT*N}` repeats TEXT N times
 * (up to 10,000,000 bytes in all), for oversized fields.
 */
export function decodePayload(text: string, source: string): Buffer {
  const expanded = text.replace(/(?<!\\)\{((?:[^{}\\]|\\.)*)\*(\d+)\}/g, (_, unit, times) => {
    const count = Number(times);
    if (unit.length * count > 10_000_000) {
      throw new CorpusError(`${source}: {${unit}*${times}} expands past 10,000,000 bytes`);
    }
    return unit.repeat(count);
  });

  const bytes: number[] = [];
  for (let index = 0; index < expanded.length; index += 1) {
    const char = expanded[index] as string;
    if (char !== '\\') {
      bytes.push(latin1Byte(char, source));
      continue;
    }

    const next = expanded[index + 1];
    index += 1;
    const simple: Record<string, number> = {
      r: 13,
      n: 10,
      t: 9,
      '0': 0,
      '\\': 92,
      '{': 123,
      '}': 125,
    };
    if (next !== undefined && next in simple) {
      bytes.push(simple[next] as number);
    } else if (next === 'x' && /^[0-9a-fA-F]{2}$/.test(expanded.slice(index + 1, index + 3))) {
      bytes.push(parseInt(expanded.slice(index + 1, index + 3), 16));
      index += 2;
    } else {
      throw new CorpusError(`${source}: unknown escape "\\${next ?? ''}" in the payload`);
    }
  }
  return Buffer.from(bytes);
}

function latin1Byte(char: string, source: string): number {
  const code = char.charCodeAt(0);
  if (code > 0xff) {
    throw new CorpusError(`${source}: "${char}" is not one byte; write its bytes as \\xHH escapes`);
  }
  return code;
}
