/**
 * Which bare baseline each scenario is compared with, the targets, and the table
 * printed at the end of `npm run bench`.
 */
import type { BareKind } from './baseline.ts';
import type { LoadResult } from './harness.ts';

/**
 * The bare request doing the same kind of database work as the scenario: an audited read
 * against a read plus an audit insert, a registration or a booking against an insert,
 * the ICD-10-CM search (answered from memory) against a page from memory, everything else
 * (healthz, searches, availability) against a primary-key read.
 */
export function baselineOf(scenario: string): BareKind {
  if (scenario === 'patient-read' || scenario === 'me') return 'read-audit';
  if (scenario.startsWith('icd10-search')) return 'static';
  if (scenario === 'patient-create' || scenario.startsWith('appointment-book')) return 'insert';
  return 'read';
}

/**
 * The baselines a run of `scenario` needs: its own, and for a registration also
 * bare-insert-patient (the schema's own cost of the row and its audit row, bench/baseline.ts).
 */
export function baselinesFor(scenario: string): BareKind[] {
  return scenario === 'patient-create' ? ['insert', 'insert-patient'] : [baselineOf(scenario)];
}

/** The issues' targets, printed beside the figures (never asserted: the machine decides what they read). */
export function targetOf(scenario: string): { ratio?: number; cpuMs?: number; p95Ms?: number } | undefined {
  if (scenario === 'icd10-search') return { p95Ms: 10 };
  if (scenario === 'patient-read') return { ratio: 2 };
  if (scenario === 'patient-create') return { ratio: 3 };
  // Issue 10: a clean name search (no typo pass) at 10k patients.
  if (scenario === 'patient-search-clean') return { cpuMs: 3 };
  if (scenario.startsWith('appointment-book')) return { cpuMs: 5 };
  return undefined;
}

/** The scenario's line with its baseline's CPU-ms and its ratio to it. */
export function withBaseline(line: LoadResult, baselines: Map<BareKind, LoadResult> | undefined): LoadResult {
  if (!baselines) return line;
  const kind = baselineOf(line.scenario);
  const base = baselines.get(kind)?.cpuMsPerRequest;
  const cpu = line.cpuMsPerRequest;
  return {
    ...line,
    baseline: `bare-${kind}`,
    baselineCpuMsPerRequest: base ?? null,
    ratioToBaseline: typeof cpu === 'number' && typeof base === 'number' && base > 0 ? Number((cpu / base).toFixed(2)) : null,
  };
}

const fmt = (v: unknown, digits = 2) => (typeof v === 'number' ? v.toFixed(digits) : '-');

/** What `line`'s target is set in: the figure (null when the run has none, e.g. a ratio without a baseline), the limit and its unit. */
function targetCheck(line: LoadResult): { value: number | null; limit: number; unit: string } | undefined {
  const t = targetOf(line.scenario);
  if (!t) return undefined;
  const [value, limit, unit] =
    t.ratio !== undefined
      ? [line.ratioToBaseline, t.ratio, 'x']
      : t.p95Ms !== undefined
        ? [line.latencyP95Ms, t.p95Ms, ' ms p95']
        : [line.cpuMsPerRequest, t.cpuMs as number, ' ms'];
  return { value: typeof value === 'number' ? value : null, limit, unit };
}

function targetText(line: LoadResult): string {
  const c = targetCheck(line);
  if (!c) return '';
  if (c.value === null) return `<= ${c.limit}${c.unit}`;
  return `<= ${c.limit}${c.unit} ${c.value <= c.limit ? 'met' : 'MISSED'}`;
}

/** A table for people: one row per result, the bare baselines first. */
export function formatTable(lines: LoadResult[]): string {
  const head = [
    'scenario',
    'req/s',
    'p50 ms',
    'p95 ms',
    'p99 ms',
    'CPU-ms/req',
    'server',
    'db',
    'db bg',
    'baseline',
    'base CPU',
    'ratio',
    'busy %',
    'other %',
    'target',
  ];
  const rows = lines.map((l) => [
    l.scenario,
    String(l.requestsPerSec),
    fmt(l.latencyP50Ms),
    fmt(l.latencyP95Ms),
    fmt(l.latencyP99Ms),
    fmt(l.cpuMsPerRequest, 3),
    fmt(l.serverCpuMsPerRequest, 3),
    fmt(l.dbCpuMsPerRequest, 3),
    fmt(l.dbBackgroundCpuMsPerRequest, 3),
    typeof l.baseline === 'string' ? l.baseline : '',
    fmt(l.baselineCpuMsPerRequest, 3),
    typeof l.ratioToBaseline === 'number' ? `${l.ratioToBaseline.toFixed(2)}x` : '',
    fmt(l.busyPercent, 0),
    fmt(l.otherLoadPercent, 0),
    targetText(l),
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] as string).length)));
  const row = (cells: string[]) =>
    cells.map((c, i) => (i === 0 || i === cells.length - 1 ? c.padEnd(widths[i] as number) : c.padStart(widths[i] as number))).join('  ');
  return [row(head), ...rows.map(row)].join('\n');
}

/** The middle value (the mean of the two middle ones for an even count). */
export function median(values: readonly number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
}

/** One scenario over `--repeat` runs: the median of each figure, the spread of the one its target is set in. */
export interface RunsSummary {
  scenario: string;
  runs: number;
  /** The run-by-run values of the figure the target is set in (p95, ratio or CPU-ms), in run order. */
  perRun: (number | null)[];
  /** A line of medians, judged against the target like a single run's. */
  medians: LoadResult;
  /** Runs whose own figure met the target; null without a target or without the figure (no baseline for a ratio). */
  metRuns: number | null;
  /** Each run's non-2xx answers and transport errors, in run order: a run answering refusals measures refusals. */
  failuresByRun: number[];
}

/** Baselines whose lines carry a ratio to another baseline (bench/baseline.ts): their spread is in it. */
const RATIO_BASELINES = new Set(['bare-insert-patient']);

/** The run's figure its target is set in; its p95 for a scenario without a target (a floor's ratio for a floor baseline). */
function targetFigure(line: LoadResult): number | null {
  const c = targetCheck(line);
  if (c) return c.value;
  if (RATIO_BASELINES.has(line.scenario)) return typeof line.ratioToBaseline === 'number' ? line.ratioToBaseline : null;
  return typeof line.latencyP95Ms === 'number' ? line.latencyP95Ms : null;
}

const MEDIAN_FIELDS = [
  'requestsPerSec',
  'latencyP50Ms',
  'latencyP95Ms',
  'latencyP99Ms',
  'cpuMsPerRequest',
  'serverCpuMsPerRequest',
  'dbCpuMsPerRequest',
  'dbBackgroundCpuMsPerRequest',
  'baselineCpuMsPerRequest',
  'ratioToBaseline',
  'busyPercent',
  'otherLoadPercent',
] as const;

/** Groups the runs of each scenario (in first-seen order) into its summary. */
export function summarizeRuns(lines: readonly LoadResult[]): RunsSummary[] {
  const byScenario = new Map<string, LoadResult[]>();
  for (const l of lines) byScenario.set(l.scenario, [...(byScenario.get(l.scenario) ?? []), l]);
  return [...byScenario].map(([scenario, runs]) => {
    const medians: LoadResult = { ...(runs[0] as LoadResult) };
    for (const field of MEDIAN_FIELDS) {
      const values = runs.map((r) => r[field]).filter((v): v is number => typeof v === 'number');
      const m = values.length ? median(values) : undefined;
      (medians as Record<string, unknown>)[field] =
        m === undefined ? undefined : field === 'requestsPerSec' ? Math.round(m) : Number(m.toFixed(3));
    }
    // Counts are the rounds' totals, not the first round's.
    for (const field of ['requests', 'errors', 'non2xx'] as const) medians[field] = runs.reduce((sum, r) => sum + (r[field] ?? 0), 0);
    const perRun = runs.map(targetFigure);
    const limit = targetCheck(runs[0] as LoadResult)?.limit;
    const measured = perRun.filter((v): v is number => v !== null);
    const metRuns = limit === undefined || measured.length === 0 ? null : measured.filter((v) => v <= limit).length;
    const failuresByRun = runs.map((r) => (r.errors ?? 0) + (r.non2xx ?? 0));
    return { scenario, runs: runs.length, perRun, medians, metRuns, failuresByRun };
  });
}

/** The medians table, each with its runs' spread and how many met the target. */
export function formatSummary(summaries: readonly RunsSummary[]): string {
  const table = formatTable(summaries.map((s) => s.medians)).split('\n');
  const spread = summaries.map((s) => {
    const values = s.perRun.filter((v): v is number => v !== null);
    const figure =
      targetOf(s.scenario)?.ratio !== undefined || RATIO_BASELINES.has(s.scenario)
        ? 'ratio'
        : targetOf(s.scenario)?.cpuMs !== undefined
          ? 'CPU-ms'
          : 'p95 ms';
    const range = values.length ? `${Math.min(...values)}-${Math.max(...values)}` : '-';
    const met = s.metRuns === null ? '' : `; target met in ${s.metRuns} of ${s.runs}`;
    const failed = s.failuresByRun.some((n) => n > 0) ? `; non-2xx or errors by run ${s.failuresByRun.join(', ')}` : '';
    return `  ${s.scenario}: ${figure} by run ${s.perRun.map((v) => v ?? '-').join(', ')} (range ${range}${met}${failed})`;
  });
  return [`medians of ${summaries[0]?.runs ?? 0} runs each:`, ...table, ...spread].join('\n');
}
