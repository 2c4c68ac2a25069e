import type { Outcome } from './corpus';
import { parseResponses, type ParsedResponse } from './http-response-parser';
import type { RawExchange } from './raw-exchange';
import { findTimeResponseProblem } from './time-response';

/** The verdict on one raw exchange. */
export interface Verdict {
  /** Whether what happened is one of the accepted outcomes. */
  readonly passed: boolean;
  /** What happened, in words, e.g. "400, then closed". */
  readonly observed: string;
  /** Why it failed, or null when it passed. */
  readonly problem: string | null;
}

/**
 * Judges an exchange against the accepted outcomes. Beyond matching one of them, every 200
 * whose JSON carries `ip` or `timestamp` must be a well-formed time response (with
 * `expectedIp`, when given), and a response cut short or garbled fails whatever was expected.
 */
export function judgeExchange(
  exchange: RawExchange,
  accepted: readonly Outcome[],
  options: { readonly headOnly?: boolean; readonly expectedIp?: string } = {},
): Verdict {
  const closed = exchange.ending !== 'open';
  const parsed = parseResponses(exchange.data, closed, options.headOnly ?? false);
  const observed = describe(parsed.responses, exchange, parsed.leftover);

  const problem =
    parsed.error ??
    (parsed.leftover > 0 ? `${parsed.leftover} bytes of an incomplete response` : null) ??
    findBodyProblem(parsed.responses, options.expectedIp) ??
    (accepted.some((outcome) => matches(outcome, parsed.responses, exchange))
      ? null
      : `expected ${accepted.map(describeOutcome).join(' or ')}`);

  return { passed: problem === null, observed, problem };
}

/**
 * How many responses the longest accepted outcome waits for: 0 when none sends one, and
 * Infinity when one requires a close, so that the wait lasts until the server closes.
 */
export function responsesAwaited(accepted: readonly Outcome[]): number {
  if (accepted.some((each) => each.kind === 'responses' && each.thenClose)) {
    return Number.POSITIVE_INFINITY;
  }
  return Math.max(
    0,
    ...accepted.map((each) => (each.kind === 'responses' ? each.statuses.length : 0)),
  );
}

/** Describes an accepted outcome for messages, e.g. "200, 4xx" or "a close without a response". */
export function describeOutcome(outcome: Outcome): string {
  switch (outcome.kind) {
    case 'close':
      return 'a close without a response';
    case 'open':
      return 'no response with the connection left open';
    case 'responses':
      return `${outcome.statuses.join(', ')}${outcome.thenClose ? ', then a close' : ''}`;
  }
}

function matches(
  outcome: Outcome,
  responses: readonly ParsedResponse[],
  exchange: RawExchange,
): boolean {
  switch (outcome.kind) {
    case 'close':
      return exchange.data.length === 0 && ['eof', 'reset'].includes(exchange.ending);
    case 'open':
      return exchange.data.length === 0 && exchange.ending === 'open';
    case 'responses':
      return (
        (!outcome.thenClose || exchange.ending === 'eof' || exchange.ending === 'reset') &&
        responses.length === outcome.statuses.length &&
        responses.every((response, index) =>
          statusMatches(outcome.statuses[index] as string, response.status),
        )
      );
  }
}

function statusMatches(pattern: string, status: number): boolean {
  return pattern.endsWith('xx') ? String(status)[0] === pattern[0] : String(status) === pattern;
}

function findBodyProblem(
  responses: readonly ParsedResponse[],
  expectedIp: string | undefined,
): string | null {
  for (const response of responses) {
    const body = response.body.toString('utf8');
    if (response.status === 200 && looksLikeTimeResponse(body)) {
      const problem = findTimeResponseProblem(body, expectedIp);
      if (problem !== null) {
        return problem;
      }
    }
  }
  return null;
}

// Responses are not matched to the requests that caused them (a pipelined payload may hold
// several), so a body is held to the time response's shape when it carries either field.
function looksLikeTimeResponse(body: string): boolean {
  try {
    const parsed: unknown = JSON.parse(body);
    return (
      typeof parsed === 'object' && parsed !== null && ('ip' in parsed || 'timestamp' in parsed)
    );
  } catch {
    return false;
  }
}

function describe(
  responses: readonly ParsedResponse[],
  exchange: RawExchange,
  leftover: number,
): string {
  const ending = {
    eof: 'closed',
    reset: 'reset',
    open: 'left open',
    refused: 'refused',
  }[exchange.ending];
  const statuses = responses.map((response) => String(response.status));
  const partial = leftover > 0 ? ` + ${leftover} stray bytes` : '';

  if (statuses.length === 0) {
    return `no response${partial}, ${ending}`;
  }
  return `${statuses.join(', ')}${partial}, then ${ending}`;
}
