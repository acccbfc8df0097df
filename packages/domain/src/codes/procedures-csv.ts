/**
 * The procedure list as CSV (import and export), pure. Columns: `code,description,fee,units`.
 * Fees are read as text into integer cents (`125`, `125.5`, `125.00`, `$1,250.00`), never
 * through a float. Rows are numbered as a spreadsheet shows them (the header is row 1).
 */
import { parse } from 'csv-parse/sync';
import { AppError, type FieldError } from '../shared/errors.ts';
import { dollarsText, MAX_FEE_CENTS } from '../shared/validation.ts';
import { PROCEDURE_CODE_PATTERN } from './code-shapes.ts';

export const PROCEDURE_CSV_COLUMNS = ['code', 'description', 'fee', 'units'] as const;
/** Most rows an import takes at once. */
export const PROCEDURE_CSV_MAX_ROWS = 5000;

export interface ProcedureCsvRow {
  row: number;
  code: string;
  description: string;
  defaultFeeCents: number;
  takesUnits: boolean;
}

/** `125.00` → 12500; null when the text is no amount of money (callers check MAX_FEE_CENTS). */
export function parseFeeCents(text: string): number | null {
  const t = text.trim().replace(/^\$/, '');
  const m = /^(\d{1,3}(?:,\d{3})+|\d{1,9})(?:\.(\d{1,2}))?$/.exec(t);
  if (!m) return null;
  const dollars = (m[1] as string).replace(/,/g, '');
  const cents = (m[2] ?? '').padEnd(2, '0');
  const value = Number.parseInt(dollars, 10) * 100 + Number.parseInt(cents || '0', 10);
  return value;
}

/** 12500 → `125.00`. */
export function formatFeeCents(cents: number): string {
  return `${Math.floor(cents / 100)}.${String(cents % 100).padStart(2, '0')}`;
}

const UNITS: Record<string, boolean> = {
  '': false,
  yes: true,
  y: true,
  true: true,
  '1': true,
  no: false,
  n: false,
  false: false,
  '0': false,
};

/**
 * Reads an import file. Every problem is collected (path `rows.<row>.<column>`, message naming
 * the row and column); any problem throws VALIDATION_FAILED and nothing is imported.
 */
export function parseProcedureCsv(text: string): ProcedureCsvRow[] {
  let records: string[][];
  try {
    records = parse(text.replace(/^\uFEFF/, ''), { relax_column_count: true, skip_empty_lines: true, trim: false });
  } catch (e) {
    throw new AppError('VALIDATION_FAILED', 'the file is not CSV', {
      errors: [{ path: 'body', message: `The file is not valid CSV: ${(e as Error).message}` }],
    });
  }
  const [header, ...rows] = records;
  const columns = (header ?? []).map((h) => h.trim().toLowerCase());
  const missing = PROCEDURE_CSV_COLUMNS.filter((c) => c !== 'units' && !columns.includes(c));
  if (missing.length) {
    throw new AppError('VALIDATION_FAILED', 'the header row lacks columns', {
      errors: [
        {
          path: 'rows.1',
          message: `Row 1 (the header) needs the columns code, description, fee and units; missing ${missing.join(', ')}.`,
        },
      ],
    });
  }
  if (rows.length > PROCEDURE_CSV_MAX_ROWS) {
    throw new AppError('VALIDATION_FAILED', 'too many rows', {
      errors: [{ path: 'body', message: `Import at most ${PROCEDURE_CSV_MAX_ROWS} rows at once.` }],
    });
  }
  const at = (r: string[], c: string) => (r[columns.indexOf(c)] ?? '').trim();
  const errors: FieldError[] = [];
  const out: ProcedureCsvRow[] = [];
  const seen = new Map<string, number>();
  rows.forEach((r, i) => {
    const row = i + 2;
    const fail = (column: string, message: string) =>
      errors.push({ path: `rows.${row}.${column}`, message: `Row ${row}, ${column}: ${message}` });
    const code = at(r, 'code').toUpperCase();
    const description = at(r, 'description');
    const fee = at(r, 'fee');
    const units = at(r, 'units').toLowerCase();
    const before = errors.length;
    if (!PROCEDURE_CODE_PATTERN.test(code)) {
      fail('code', `"${code}" is not a CPT code (5 digits) or a HCPCS code (a letter and 4 digits).`);
    } else if (seen.has(code)) {
      fail('code', `${code} is already on row ${seen.get(code)}.`);
    } else seen.set(code, row);
    if (!description) fail('description', 'enter the practice description.');
    else if (description.length > 200) fail('description', 'at most 200 characters.');
    else if (/[\p{Cc}]/u.test(description)) fail('description', 'control characters or line breaks are not allowed.');
    const cents = parseFeeCents(fee);
    if (cents === null) fail('fee', `"${fee}" is not an amount such as 125.00.`);
    else if (cents > MAX_FEE_CENTS) fail('fee', `${fee} is more than ${dollarsText(MAX_FEE_CENTS)}, the largest fee.`);
    if (!(units in UNITS)) fail('units', `"${units}" is not yes or no.`);
    if (errors.length === before) {
      out.push({ row, code, description, defaultFeeCents: cents as number, takesUnits: UNITS[units] as boolean });
    }
  });
  if (errors.length) {
    const shown = errors.slice(0, 100);
    throw new AppError('VALIDATION_FAILED', `${errors.length} problem(s) in the file; nothing was imported`, { errors: shown });
  }
  return out;
}

/** A cell a spreadsheet will not run as a formula. */
function cell(v: string): string {
  const s = /^[=+\-@\t\r]/.test(v) ? `'${v}` : v;
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function formatProcedureCsv(
  entries: readonly { code: string; description: string; defaultFeeCents: number; takesUnits: boolean }[],
): string {
  const lines = [PROCEDURE_CSV_COLUMNS.join(',')];
  for (const e of entries) {
    lines.push([e.code, cell(e.description), formatFeeCents(e.defaultFeeCents), e.takesUnits ? 'yes' : 'no'].join(','));
  }
  return `${lines.join('\r\n')}\r\n`;
}
