/** One complete HTTP/1.x response read off a socket. */
export interface ParsedResponse {
  /** Status code from the status line. */
  readonly status: number;
  /** Header fields, names lower-cased; a repeated field keeps its last value. */
  readonly headers: ReadonlyMap<string, string>;
  /** Body after any chunked transfer coding is removed. */
  readonly body: Buffer;
}

/** The responses found in the bytes a server sent, and what was left over. */
export interface ParseResult {
  /** Responses read completely, in order. */
  readonly responses: readonly ParsedResponse[];
  /** Bytes after the last complete response: a response still arriving, or garbage. */
  readonly leftover: number;
  /** Why the leftover bytes cannot be a response, or null when they may still complete one. */
  readonly error: string | null;
}

const HEADER_END = Buffer.from('\r\n\r\n');

/**
 * Splits the bytes a server sent into complete responses. `closed` says whether the server
 * has closed the connection, which completes a response that has neither a length nor
 * chunks. `headOnly` says the requests were HEAD, whose responses carry no body.
 */
export function parseResponses(data: Buffer, closed: boolean, headOnly = false): ParseResult {
  const responses: ParsedResponse[] = [];
  let offset = 0;

  while (offset < data.length) {
    const headerEnd = data.indexOf(HEADER_END, offset);
    if (headerEnd === -1) {
      return { responses, leftover: data.length - offset, error: incompleteHead(data, offset) };
    }

    const head = parseHead(data.subarray(offset, headerEnd).toString('latin1'));
    if (typeof head === 'string') {
      return { responses, leftover: data.length - offset, error: head };
    }

    const bodyStart = headerEnd + HEADER_END.length;
    const body = readBody(data, bodyStart, head, closed, headOnly);
    if (body === null) {
      return { responses, leftover: data.length - offset, error: null };
    }
    if (typeof body === 'string') {
      return { responses, leftover: data.length - offset, error: body };
    }

    responses.push({ status: head.status, headers: head.headers, body: body.body });
    offset = body.end;
  }
  return { responses, leftover: 0, error: null };
}

interface Head {
  readonly status: number;
  readonly headers: Map<string, string>;
}

function parseHead(text: string): Head | string {
  const [statusLine = '', ...lines] = text.split('\r\n');
  const match = /^HTTP\/1\.[01] (\d{3})(?: .*)?$/.exec(statusLine);
  if (match === null) {
    return `not an HTTP/1.x status line: ${JSON.stringify(statusLine.slice(0, 80))}`;
  }

  const headers = new Map<string, string>();
  for (const line of lines) {
    const colon = line.indexOf(':');
    if (colon <= 0) {
      return `malformed header line: ${JSON.stringify(line.slice(0, 80))}`;
    }
    headers.set(line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim());
  }
  return { status: Number(match[1]), headers };
}

function incompleteHead(data: Buffer, offset: number): string | null {
  const start = data.subarray(offset, offset + 5).toString('latin1');
  return 'HTTP/'.startsWith(start) ? null : `response does not start with HTTP/: "${start}"`;
}

type Body = { readonly body: Buffer; readonly end: number };

function readBody(
  data: Buffer,
  start: number,
  head: Head,
  closed: boolean,
  headOnly: boolean,
): Body | string | null {
  const bodiless = headOnly || head.status < 200 || head.status === 204 || head.status === 304;
  if (bodiless) {
    return { body: Buffer.alloc(0), end: start };
  }

  if (head.headers.get('transfer-encoding')?.toLowerCase() === 'chunked') {
    return readChunked(data, start);
  }

  const lengthText = head.headers.get('content-length');
  if (lengthText !== undefined) {
    if (!/^\d+$/.test(lengthText)) {
      return `invalid Content-Length ${JSON.stringify(lengthText)}`;
    }
    const end = start + Number(lengthText);
    return data.length >= end ? { body: data.subarray(start, end), end } : null;
  }

  // Neither a length nor chunks: the body runs until the server closes the connection.
  return closed ? { body: data.subarray(start), end: data.length } : null;
}

function readChunked(data: Buffer, start: number): Body | string | null {
  const parts: Buffer[] = [];
  let offset = start;

  for (;;) {
    const lineEnd = data.indexOf('\r\n', offset);
    if (lineEnd === -1) {
      return null;
    }
    const sizeText = data.subarray(offset, lineEnd).toString('latin1').split(';')[0] ?? '';
    if (!/^[0-9a-fA-F]+$/.test(sizeText.trim())) {
      return `invalid chunk size ${JSON.stringify(sizeText)}`;
    }

    const size = parseInt(sizeText, 16);
    const chunkStart = lineEnd + 2;
    if (size === 0) {
      // No trailers are expected: the last chunk is followed by one empty line.
      return data.length >= chunkStart + 2
        ? { body: Buffer.concat(parts), end: chunkStart + 2 }
        : null;
    }
    if (data.length < chunkStart + size + 2) {
      return null;
    }
    parts.push(data.subarray(chunkStart, chunkStart + size));
    offset = chunkStart + size + 2;
  }
}
