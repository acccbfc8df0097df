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
      // This century's date, unless it is still ahead of today (compared by day, not by year).
      y += Math.floor(today.getUTCFullYear() / 100) * 100;
      if (day(y, m, d) > today.toISOString().slice(0, 10)) y -= 100;
    }
  }
  // PostgreSQL dates have no year 0 (1 BC); a search for one was a 500.
  if (y < 1) return null;
  const out = day(y, m, d);
  const dt = new Date(`${out}T00:00:00Z`);
  if (Number.isNaN(dt.getTime()) || dt.toISOString().slice(0, 10) !== out) return null;
  return out;
}

const day = (y: number, m: number, d: number) =>
  `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
