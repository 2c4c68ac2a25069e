import type { RoundResult, ServerSummary, TargetCheck } from './benchmark-results';
import { formatCount, formatMiB, formatMs, formatRatio } from './format';
import type { Fact } from './machine';

/** Everything the results page shows about one benchmark run. */
export interface BenchmarkReport {
  /** The command that produced the figures, as typed. */
  readonly command: string;
  /** When the run finished, ISO 8601. */
  readonly date: string;
  /** Rounds, durations, threads and connections, as one sentence. */
  readonly settings: string;
  /** CPU, cores, memory, kernel, OS. */
  readonly machine: readonly Fact[];
  /** Versions of Bun, Elysia, wrk, gunicorn, Flask, Python. */
  readonly versions: readonly Fact[];
  /** Per-server medians, in the order the rounds ran them. */
  readonly summaries: readonly ServerSummary[];
  /** Our figures against the ceiling's, or empty when either was not run. */
  readonly targets: readonly TargetCheck[];
  /** Every measured round, for anyone who distrusts medians. */
  readonly rounds: readonly RoundResult[];
}

/** Renders a benchmark run as the Markdown section of docs/benchmarks.md. */
export function renderBenchmarkReport(report: BenchmarkReport): string {
  return [
    `Measured ${report.date} with \`${report.command}\`. ${report.settings}`,
    summaryTable(report.summaries),
    targetTable(report.targets),
    referenceTable(report.summaries),
    '### Machine and versions',
    factTable([...report.machine, ...report.versions]),
    '### Every round',
    roundTable(report.rounds),
  ]
    .filter((block) => block !== '')
    .join('\n\n');
}

function summaryTable(summaries: readonly ServerSummary[]): string {
  return table(
    [
      'Server',
      'Requests/s',
      'p50 (ms)',
      'p99 (ms)',
      'Socket errors',
      'Status ≥ 400',
      'Peak RSS (MiB)',
      'Start-up (ms)',
    ],
    summaries.map((s) => [
      s.label,
      formatCount(s.requestsPerSecond),
      formatMs(s.p50Ms),
      formatMs(s.p99Ms),
      String(s.socketErrors),
      String(s.badStatus),
      formatMiB(s.peakKiB),
      formatCount(s.startupMs),
    ]),
  );
}

function targetTable(targets: readonly TargetCheck[]): string {
  if (targets.length === 0) {
    return '';
  }

  const rows = targets.map((t) => [
    `${t.measure} (${t.unit})`,
    formatMeasure(t.unit, t.ours),
    formatMeasure(t.unit, t.ceiling),
    formatRatio(t.ratio),
    `${t.direction === 'at-least' ? '≥' : '≤'} ${t.bound.toFixed(2)}`,
    t.met ? 'met' : '**missed**',
  ]);
  return [
    '### Ours against the ceiling (targets)',
    table(['Measure', 'Ours', 'Ceiling', 'Ours ÷ ceiling', 'Target', 'Result'], rows),
  ].join('\n\n');
}

function referenceTable(summaries: readonly ServerSummary[]): string {
  const ours = summaries.find((s) => s.role === 'ours');
  const references = summaries.filter((s) => s.role === 'reference');
  if (ours === undefined || references.length === 0) {
    return '';
  }

  const rows = references.map((ref) => [
    ref.label,
    formatRatio(ours.requestsPerSecond / ref.requestsPerSecond),
    formatRatio(ours.p99Ms / ref.p99Ms),
    formatRatio(ours.peakKiB / ref.peakKiB),
    formatRatio(ours.startupMs / ref.startupMs),
  ]);
  return [
    '### Ours against the Flask reference (ours ÷ reference)',
    table(['Reference', 'Throughput', 'p99 latency', 'Peak memory', 'Start-up'], rows),
  ].join('\n\n');
}

function factTable(facts: readonly Fact[]): string {
  return table(
    ['What', 'Value'],
    facts.map((fact) => [fact.name, fact.value]),
  );
}

function roundTable(rounds: readonly RoundResult[]): string {
  return table(
    [
      'Round',
      'Server',
      'Requests/s',
      'p50 (ms)',
      'p99 (ms)',
      'Max (ms)',
      'Socket errors',
      'Status ≥ 400',
      'Peak RSS (MiB)',
      'Processes',
      'Start-up (ms)',
    ],
    rounds.map((r) => [
      String(r.round),
      r.server,
      formatCount(r.load.requestsPerSecond),
      formatMs(r.load.p50Ms),
      formatMs(r.load.p99Ms),
      formatMs(r.load.maxMs),
      String(r.load.socketErrors),
      String(r.load.badStatus),
      formatMiB(r.peakKiB),
      String(r.processes),
      formatCount(r.startupMs),
    ]),
  );
}

function formatMeasure(unit: TargetCheck['unit'], value: number): string {
  switch (unit) {
    case 'requests/s':
      return formatCount(value);
    case 'ms':
      return formatMs(value);
    case 'MiB':
      return value.toFixed(1);
  }
}

/** Renders a Markdown table, escaping pipes and newlines inside cells. */
export function table(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const escape = (cell: string): string => cell.replaceAll('|', '\\|').replaceAll('\n', ' ');
  const line = (cells: readonly string[]): string => `| ${cells.map(escape).join(' | ')} |`;
  return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n');
}
