/**
 * CSV of the finance reports (RFC 4180: a header row, CRLF line ends, quoting where needed).
 * Money prints as decimal dollars with two decimals ("1234.50", "-20.00"), computed from the
 * integer cents with integer arithmetic; a text cell a spreadsheet would run as a formula gets a
 * leading apostrophe (money and dates never start with one of those characters but a minus).
 */
export type Cell = { money: number } | string | number | null | undefined;

export function dollars(cents: number): string {
  if (!Number.isSafeInteger(cents)) throw new Error(`not a whole number of cents: ${cents}`);
  const abs = Math.abs(cents);
  return `${cents < 0 ? '-' : ''}${Math.trunc(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}

function cell(v: Cell): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'object') return dollars(v.money);
  if (typeof v === 'number') return String(v);
  const s = /^[=+\-@\t\r]/.test(v) ? `'${v}` : v;
  return /[",\r\n']/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
}

export const csvLine = (cells: readonly Cell[]): string => `${cells.map(cell).join(',')}\r\n`;

export const csvOf = (header: readonly string[], rows: readonly (readonly Cell[])[]): string =>
  csvLine(header) + rows.map(csvLine).join('');
