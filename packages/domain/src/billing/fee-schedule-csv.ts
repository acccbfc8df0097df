/**
 * A fee schedule as CSV (import and export), pure. Columns: `code,modifier,amount,effective_from,effective_to`
 * (modifier and effective_to may be empty). Amounts are read as text into integer cents, never
 * through a float (codes' parseFeeCents). Rows are numbered as a spreadsheet shows them (the
 * header is row 1); every problem is named `rows.<row>.<column>`.
 */
import { parse } from 'csv-parse/sync';
import { formatFeeCents, PROCEDURE_CODE_PATTERN, parseFeeCents } from '../codes/index.ts';
import { dollarsText, MAX_FEE_CENTS } from '../shared/validation.ts';
import { AppError, type FieldError } from '../shared/errors.ts';

export const FEE_CSV_COLUMNS = ['code', 'modifier', 'amount', 'effective_from', 'effective_to'] as const;
/** Most rows an import takes at once. */
export const FEE_CSV_MAX_ROWS = 10_000;

export interface FeeCsvRow {
  row: number;
  code: string;
  modifier: string;
  amountCents: number;
  effectiveFrom: string;
  effectiveTo: string | null;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const isDate = (s: string) =>
  DATE.test(s) && !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s);

function refuse(path: string, message: string): never {
  throw new AppError('VALIDATION_FAILED', message, { errors: [{ path, message }] });
}

/** Reads an import file; any problem throws VALIDATION_FAILED listing every bad row and column (at most 100). */
export function parseFeeCsv(text: string): FeeCsvRow[] {
  let records: string[][] = [];
  try {
    records = parse(text.replace(/^\uFEFF/, ''), { relax_column_count: true, skip_empty_lines: true, trim: false });
  } catch (e) {
    refuse('body', `The file is not valid CSV: ${(e as Error).message}`);
  }
  const [header, ...rows] = records;
  const columns = (header ?? []).map((h) => h.trim().toLowerCase());
  const missing = FEE_CSV_COLUMNS.filter((c) => c !== 'modifier' && c !== 'effective_to' && !columns.includes(c));
  if (missing.length)
    refuse(
      'rows.1',
      `Row 1 (the header) needs the columns code, modifier, amount, effective_from and effective_to; missing ${missing.join(', ')}.`,
    );
  if (rows.length > FEE_CSV_MAX_ROWS) refuse('body', `Import at most ${FEE_CSV_MAX_ROWS} rows at once.`);
  const at = (r: string[], c: string) => (columns.includes(c) ? (r[columns.indexOf(c)] ?? '').trim() : '');
  const errors: FieldError[] = [];
  const out: FeeCsvRow[] = [];
  const seen = new Map<string, number>();
  rows.forEach((r, i) => {
    const row = i + 2;
    const fail = (column: string, message: string) =>
      errors.push({ path: `rows.${row}.${column}`, message: `Row ${row}, ${column}: ${message}` });
    const before = errors.length;
    const code = at(r, 'code').toUpperCase();
    const modifier = at(r, 'modifier').toUpperCase();
    const amount = at(r, 'amount');
    const from = at(r, 'effective_from');
    const to = at(r, 'effective_to');
    if (!PROCEDURE_CODE_PATTERN.test(code)) fail('code', `"${code}" is not a CPT code (5 digits) or a HCPCS code (a letter and 4 digits).`);
    if (!/^([0-9A-Z]{2})?$/.test(modifier)) fail('modifier', `"${modifier}" is not a modifier (two letters or digits) or empty.`);
    const cents = parseFeeCents(amount);
    if (cents === null) fail('amount', `"${amount}" is not an amount such as 125.00.`);
    else if (cents > MAX_FEE_CENTS) fail('amount', `${amount} is more than ${dollarsText(MAX_FEE_CENTS)}, the largest fee.`);
    if (!isDate(from)) fail('effective_from', `"${from}" is not a date such as 2026-01-01.`);
    if (to && !isDate(to)) fail('effective_to', `"${to}" is not a date such as 2026-12-31, or empty.`);
    else if (to && isDate(from) && to < from) fail('effective_to', `${to} is before the first day ${from}.`);
    const key = `${code}|${modifier}|${from}`;
    if (errors.length === before && seen.has(key))
      fail('effective_from', `${code} ${modifier} from ${from} is already on row ${seen.get(key)}.`);
    if (errors.length === before) {
      seen.set(key, row);
      out.push({ row, code, modifier, amountCents: cents as number, effectiveFrom: from, effectiveTo: to || null });
    }
  });
  if (errors.length) throw fileProblems(errors);
  return out;
}

export function fileProblems(errors: FieldError[]): AppError {
  return new AppError('VALIDATION_FAILED', `${errors.length} problem(s) in the file; nothing was imported`, {
    errors: errors.slice(0, 100),
  });
}

/** A cell a spreadsheet will not run as a formula. */
function cell(v: string): string {
  const s = /^[=+\-@\t\r]/.test(v) ? `'${v}` : v;
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function formatFeeCsv(
  entries: readonly { code: string; modifier: string; amountCents: number; effectiveFrom: string; effectiveTo: string | null }[],
): string {
  const lines: string[] = [FEE_CSV_COLUMNS.join(',')];
  for (const e of entries)
    lines.push([e.code, e.modifier, formatFeeCents(e.amountCents), e.effectiveFrom, e.effectiveTo ?? ''].map(cell).join(','));
  return `${lines.join('\r\n')}\r\n`;
}
