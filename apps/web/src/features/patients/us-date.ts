/**
 * Dates as US front desks type them: 07/14/1985 (also 7/14/1985, 07-14-1985) or 1985-07-14.
 * The form shows MM/DD/YYYY; the API gets YYYY-MM-DD. A day that does not exist (02/30/1985)
 * is refused with a sentence, never sent.
 */

export type ParsedDate = { iso: string; error?: undefined } | { iso?: undefined; error: string };

const pad = (n: number) => String(n).padStart(2, '0');

function exists(y: number, m: number, d: number): boolean {
  if (m < 1 || m > 12 || d < 1) return false;
  return d <= new Date(Date.UTC(y, m, 0)).getUTCDate();
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** `input` as ISO YYYY-MM-DD, or why it is not a date. Empty input is an error: callers decide whether the field is optional. */
export function parseUsDate(input: string): ParsedDate {
  const v = input.trim();
  let y: number;
  let m: number;
  let d: number;
  const us = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(v);
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(v);
  if (us) [m, d, y] = [Number(us[1]), Number(us[2]), Number(us[3])];
  else if (iso) [y, m, d] = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
  else return { error: v ? 'Enter the date as MM/DD/YYYY, such as 07/14/1985.' : 'Enter the date as MM/DD/YYYY.' };
  if (m < 1 || m > 12) return { error: `There is no month ${m}: enter the date as MM/DD/YYYY.` };
  if (!exists(y, m, d)) return { error: `${MONTHS[m - 1]} ${y} has no day ${d}.` };
  return { iso: `${y}-${pad(m)}-${pad(d)}` };
}

/** A stored YYYY-MM-DD as MM/DD/YYYY; anything else as it is. */
export function toUsDate(iso: string | null | undefined): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso ?? '');
  return m ? `${m[2]}/${m[3]}/${m[1]}` : (iso ?? '');
}

/** Today in the browser's zone, YYYY-MM-DD. */
export function todayIso(now = new Date()): string {
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** A birth date as typed: why it is refused, or null (in the past, not before 1880). */
export function birthDateProblem(input: string, opts: { required?: boolean; today?: string } = {}): string | null {
  if (!input.trim()) return opts.required === false ? null : 'Enter the date of birth as MM/DD/YYYY.';
  const parsed = parseUsDate(input);
  if (parsed.error !== undefined) return parsed.error;
  if (parsed.iso > (opts.today ?? todayIso())) return 'The date of birth is in the future.';
  if (parsed.iso < '1880-01-01') return 'The date of birth is before 1880: check the year.';
  return null;
}

/** Shown back as MM/DD/YYYY once it reads as a date (on blur); left as typed otherwise, so the person can fix it. */
export function normalizeUsDate(input: string): string {
  const parsed = parseUsDate(input);
  return parsed.iso ? toUsDate(parsed.iso) : input;
}

/** The ISO form to send (the value was validated first); empty stays empty. */
export function isoOf(input: string): string {
  return parseUsDate(input).iso ?? input.trim();
}
