import type { CorpusCase } from '../lib/corpus';
import { parseResponses } from '../lib/http-response-parser';
import { judgeExchange, responsesAwaited, type Verdict } from '../lib/outcome';
import { exchangeRaw } from '../lib/raw-exchange';

/** The result of one corpus case and of the normal request sent right after it. */
export interface CaseResult {
  /** The case, as read from the corpus. */
  readonly testCase: CorpusCase;
  /** The verdict on the server's answer to the case. */
  readonly verdict: Verdict;
  /** What went wrong with the follow-up GET / (or the server process), or null. */
  readonly followUpProblem: string | null;
  /** Whether both the case and the follow-up passed. */
  readonly passed: boolean;
}

/** Where to send the corpus and what the server must answer. */
export interface BadInputTarget {
  /** Port of the server on 127.0.0.1. */
  readonly port: number;
  /** The `ip` every time response must carry: the peer, when no proxy is trusted. */
  readonly expectedIp?: string;
  /** Milliseconds to wait for each case's answer. @default 1500 */
  readonly timeoutMs?: number;
  /** Tells whether the server process is still running. */
  readonly isAlive: () => boolean;
}

const NORMAL_REQUEST = Buffer.from('GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n');

/**
 * Sends one case's bytes on a fresh connection and judges the answer; then, with that
 * connection still open (a silent client must not block others), sends a normal GET / on a
 * new connection, which must get a well-formed 200.
 */
export async function runCase(target: BadInputTarget, testCase: CorpusCase): Promise<CaseResult> {
  const headOnly = testCase.payload.subarray(0, 5).toString('latin1') === 'HEAD ';
  const awaited = responsesAwaited(testCase.expect);
  const exchange = await exchangeRaw(target.port, testCase.payload, {
    timeoutMs: target.timeoutMs ?? 1500,
    isEnough: (data) => awaited > 0 && isComplete(data, awaited, headOnly),
  });

  try {
    const verdict = judgeExchange(exchange, testCase.expect, {
      headOnly,
      ...(target.expectedIp === undefined ? {} : { expectedIp: target.expectedIp }),
    });
    const followUpProblem = await checkFollowUp(target);
    return {
      testCase,
      verdict,
      followUpProblem,
      passed: verdict.passed && followUpProblem === null,
    };
  } finally {
    exchange.close();
  }
}

async function checkFollowUp(target: BadInputTarget): Promise<string | null> {
  if (!target.isAlive()) {
    return 'the server process has exited';
  }

  const exchange = await exchangeRaw(target.port, NORMAL_REQUEST, {
    timeoutMs: 3000,
    isEnough: (data) => isComplete(data, 1, false),
  });
  exchange.close();

  const verdict = judgeExchange(
    exchange,
    [{ kind: 'responses', statuses: ['200'], thenClose: false }],
    {
      ...(target.expectedIp === undefined ? {} : { expectedIp: target.expectedIp }),
    },
  );
  return verdict.passed
    ? null
    : `normal GET / afterwards: ${verdict.observed} (${verdict.problem})`;
}

function isComplete(data: Buffer, awaited: number, headOnly: boolean): boolean {
  // Stop once enough responses are in and nothing more is arriving, so that a trailing
  // close-delimited response is read to its end rather than cut off.
  const parsed = parseResponses(data, false, headOnly);
  return parsed.responses.length >= awaited && parsed.leftover === 0;
}
