/**
 * An adjustment reason list as CSV, pure. Header `codeSet,code,description`, or the common
 * two-column `code,description` with the code set given apart. Rows are numbered as a spreadsheet
 * shows them (the header is row 1); every problem is named `rows.<row>.<column>`.
 */
import { parse } from 'csv-parse/sync';
import { AppError, type FieldError } from '../shared/errors.ts';
import { REASON_CODE_SETS, type ReasonCodeSet } from './adjustment-reasons.ts';

/** Most rows an import takes at once (the full CARC and RARC lists together are about 2,500). */
export const REASON_CSV_MAX_ROWS = 10_000;
export const REASON_DESCRIPTION_MAX = 1000;

export interface ReasonCsvRow {
  row: number;
  codeSet: ReasonCodeSet;
  code: string;
  description: string;
}

function refuse(path: string, message: string): never {
  throw new AppError('VALIDATION_FAILED', message, { errors: [{ path, message }] });
}

export function reasonFileProblems(errors: FieldError[]): AppError {
  return new AppError('VALIDATION_FAILED', `${errors.length} problem(s) in the file; nothing was imported`, {
    errors: errors.slice(0, 100),
  });
}

/** Reads an import file; any problem throws VALIDATION_FAILED listing every bad row and column (at most 100). */
export function parseReasonCsv(text: string, codeSet?: ReasonCodeSet): ReasonCsvRow[] {
  let records: string[][] = [];
  try {
    records = parse(text.replace(/^\uFEFF/, ''), { relax_column_count: true, skip_empty_lines: true, trim: false });
  } catch (e) {
    refuse('body', `The file is not valid CSV: ${(e as Error).message}`);
  }
  const [header, ...rows] = records;
  const columns = (header ?? []).map((h) => h.trim().toLowerCase().replace(/[\s_]/g, ''));
  if (!columns.includes('code') || !columns.includes('description'))
    refuse('rows.1', 'Row 1 (the header) needs the columns codeSet, code and description (or code and description with ?codeSet=).');
  const withSet = columns.includes('codeset');
  if (!withSet && !codeSet)
    refuse('codeSet', 'The file has no codeSet column: say which code set its codes are (codeSet=CARC, RARC or GROUP).');
  if (rows.length > REASON_CSV_MAX_ROWS) refuse('body', `Import at most ${REASON_CSV_MAX_ROWS} rows at once.`);
  const at = (r: string[], c: string) => (r[columns.indexOf(c)] ?? '').trim();
  const errors: FieldError[] = [];
  const out: ReasonCsvRow[] = [];
  const seen = new Map<string, number>();
  rows.forEach((r, i) => {
    const row = i + 2;
    const fail = (column: string, message: string) =>
      errors.push({ path: `rows.${row}.${column}`, message: `Row ${row}, ${column}: ${message}` });
    const before = errors.length;
    const set = withSet ? at(r, 'codeset').toUpperCase() : (codeSet as string);
    const code = at(r, 'code').toUpperCase();
    const description = at(r, 'description');
    if (!(REASON_CODE_SETS as readonly string[]).includes(set)) fail('codeSet', `"${set}" is not a code set (CARC, RARC or GROUP).`);
    if (!/^[A-Z0-9]{1,5}$/.test(code)) fail('code', `"${code}" is not a code (1 to 5 letters or digits).`);
    if (description === '') fail('description', 'is empty.');
    else if (description.length > REASON_DESCRIPTION_MAX)
      fail('description', `has ${description.length} characters; at most ${REASON_DESCRIPTION_MAX}.`);
    const key = `${set}|${code}`;
    if (errors.length === before && seen.has(key)) fail('code', `${set} ${code} is already on row ${seen.get(key)}.`);
    if (errors.length === before) {
      seen.set(key, row);
      out.push({ row, codeSet: set as ReasonCodeSet, code, description });
    }
  });
  if (errors.length) throw reasonFileProblems(errors);
  return out;
}
