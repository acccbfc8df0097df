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

/** The issues' targets, printed beside the figures (never asserted: the machine decides what they read). */
export function targetOf(scenario: string): { ratio?: number; cpuMs?: number; p95Ms?: number } | undefined {
  if (scenario === 'icd10-search') return { p95Ms: 10 };
  if (scenario === 'patient-read') return { ratio: 2 };
  if (scenario === 'patient-create') return { ratio: 3 };
  if (scenario === 'patient-search') return { cpuMs: 3 };
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

function targetText(line: LoadResult): string {
  const t = targetOf(line.scenario);
  if (!t) return '';
  const [value, limit, unit] =
    t.ratio !== undefined
      ? [line.ratioToBaseline, t.ratio, 'x']
      : t.p95Ms !== undefined
        ? [line.latencyP95Ms, t.p95Ms, ' ms p95']
        : [line.cpuMsPerRequest, t.cpuMs, ' ms'];
  if (typeof value !== 'number') return `<= ${limit}${unit}`;
  return `<= ${limit}${unit} ${value <= (limit as number) ? 'met' : 'MISSED'}`;
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
