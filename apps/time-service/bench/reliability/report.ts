import type { CaseResult } from './bad-input';
import type { ShutdownOptions, ShutdownResult } from './shutdown';
import type { SoakOptions, SoakResult } from './soak';
import { table } from '../lib/benchmark-report';
import { formatCount, formatMiB, formatMs } from '../lib/format';
import type { Fact } from '../lib/machine';

/** Everything docs/reliability.md shows about one run of the suite. */
export interface ReliabilityReport {
  /** The command that ran the suite. */
  readonly command: string;
  /** When the run finished, ISO 8601. */
  readonly date: string;
  /** The machine and Bun's version. */
  readonly facts: readonly Fact[];
  /** Soak settings and result. */
  readonly soak: { readonly options: SoakOptions; readonly result: SoakResult };
  /** Shutdown settings and result. */
  readonly shutdown: { readonly options: ShutdownOptions; readonly result: ShutdownResult };
  /** Every corpus case, under each server configuration it ran against. */
  readonly cases: readonly { readonly server: string; readonly result: CaseResult }[];
  /** Checks that passed and failed: one per corpus case, plus the soak and the shutdown. */
  readonly passed: number;
  /** Checks that failed. */
  readonly failed: number;
}

/** Renders the suite's results as the generated section of docs/reliability.md. */
export function renderReliabilityReport(report: ReliabilityReport): string {
  return [
    `Run ${report.date} with \`${report.command}\`: **${report.passed} passed, ` +
      `${report.failed} failed**.`,
    table(
      ['What', 'Value'],
      report.facts.map((fact) => [fact.name, fact.value]),
    ),
    '### Soak',
    soakTable(report.soak.options, report.soak.result),
    '### Shutdown under load',
    shutdownTable(report.shutdown.options, report.shutdown.result),
    '### Bad input',
    caseTable(report.cases),
  ].join('\n\n');
}

function soakTable(options: SoakOptions, result: SoakResult): string {
  return table(
    ['Measure', 'Value'],
    [
      ['Load', `wrk, ${options.threads} threads, ${options.connections} connections`],
      ['Duration', `${options.durationSeconds} s after a ${options.warmupSeconds} s warm-up`],
      ['Requests', formatCount(result.load.requests)],
      ['Requests/s', formatCount(result.load.requestsPerSecond)],
      ['Latency p50 / p99', `${formatMs(result.load.p50Ms)} / ${formatMs(result.load.p99Ms)} ms`],
      ['Socket errors', String(result.load.socketErrors)],
      ['Status ≥ 400', String(result.load.badStatus)],
      ['RSS after start-up, idle', `${formatMiB(result.idleRssKiB)} MiB`],
      ['RSS at start (after warm-up)', `${formatMiB(result.startRssKiB)} MiB`],
      ['RSS at end', `${formatMiB(result.endRssKiB)} MiB`],
      ['RSS highest sample', `${formatMiB(result.maxRssKiB)} MiB`],
      [
        'Growth, start to end',
        `${result.growthPercent.toFixed(1)}% (limit ${options.maxGrowthPercent}%)`,
      ],
      ['Result', verdict(result.problems)],
    ],
  );
}

function shutdownTable(options: ShutdownOptions, result: ShutdownResult): string {
  return table(
    ['Measure', 'Value'],
    [
      [
        'Clients',
        `${options.fastClients} back-to-back keep-alive, ${options.slowClients} slow ` +
          `(each request sent in two parts ${options.slowGapMs} ms apart)`,
      ],
      ['SIGTERM sent after', `${options.loadBeforeSignalMs} ms of load`],
      ['Requests answered 200', formatCount(result.answered)],
      ['Answered after SIGTERM', formatCount(result.answeredAfterSignal)],
      [
        'Slow requests begun before SIGTERM, answered after',
        String(result.slowAnsweredAcrossSignal),
      ],
      ['Connections refused after SIGTERM (listener closed)', String(result.refusedAfterSignal)],
      [
        'Requests closed unanswered after SIGTERM, then resent (see above)',
        String(result.retriedAfterIdleClose),
      ],
      ['Exit', describeExit(result)],
      ['Result', verdict(result.failures)],
    ],
  );
}

function caseTable(cases: ReliabilityReport['cases']): string {
  return table(
    ['Server', 'Case', 'Source', 'Accepted', 'Observed', 'Result'],
    cases.map(({ server, result }) => [
      server,
      `\`${result.testCase.name}\``,
      result.testCase.source,
      result.testCase.expect
        .map((each) =>
          each.kind === 'responses'
            ? `${each.statuses.join(',')}${each.thenClose ? '+close' : ''}`
            : each.kind,
        )
        .join(' or '),
      result.verdict.observed,
      result.passed
        ? 'held'
        : `**failed**: ${[result.verdict.problem, result.followUpProblem].filter(Boolean).join('; ')}`,
    ]),
  );
}

function describeExit(result: ShutdownResult): string {
  const how = result.exit.killed
    ? 'killed after the deadline'
    : `exit code ${result.exit.exitCode ?? `none (signal ${result.exit.signal})`}`;
  return `${how}, ${formatCount(result.exit.elapsedMs)} ms after SIGTERM`;
}

function verdict(problems: readonly string[]): string {
  return problems.length === 0 ? 'held' : `**failed**: ${problems.join('; ')}`;
}
