/** Dates as staff type them: 1980-03-07, 03/07/1980, 3/7/80, 3-7-1980, 3.7.1980 (US month first). */

/** The 'YYYY-MM-DD' day for `text`, or null. Two-digit years fall in the century that keeps them in the past. */
export function parseLooseDate(text: string, today: Date): string | null {
  const s = text.trim();
  let y: number;
  let m: number;
  let d: number;
  let iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(s);
  if (iso) {
    y = Number(iso[1]);
    m = Number(iso[2]);
    d = Number(iso[3]);
  } else {
    iso = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{2}|\d{4})$/.exec(s);
    if (!iso) return null;
    m = Number(iso[1]);
    d = Number(iso[2]);
    y = Number(iso[3]);
    if ((iso[3] as string).length === 2) {
      const yy = today.getUTCFullYear() % 100;
      const century = Math.floor(today.getUTCFullYear() / 100) * 100;
      y = y <= yy ? century + y : century - 100 + y;
    }
  }
  const out = `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
  const dt = new Date(`${out}T00:00:00Z`);
  if (Number.isNaN(dt.getTime()) || dt.toISOString().slice(0, 10) !== out) return null;
  return out;
}
