/** Instants on a zone's clock, and wall times of a zone back to instants (no browser zone involved). Pure. */
const formats = new Map<string, Intl.DateTimeFormat>();
function format(zone: string, key: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const k = `${zone}|${key}`;
  let f = formats.get(k);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', { timeZone: zone, ...options });
    formats.set(k, f);
  }
  return f;
}

/** "Mar 2, 2026, 10:04:31 AM" on the zone's clock. */
export function dateTimeIn(instant: string, zone: string): string {
  return format(zone, 'dt', { dateStyle: 'medium', timeStyle: 'medium' }).format(new Date(instant));
}

/** "10:04 AM" on the zone's clock. */
export function timeIn(instant: string, zone: string): string {
  return format(zone, 't', { hour: 'numeric', minute: '2-digit' }).format(new Date(instant));
}

/** The zone's offset from UTC at `instant` (ms): its wall clock read as UTC, minus the instant. */
function offsetAt(instant: number, zone: string): number {
  const f: Record<string, number> = {};
  const parts = format(zone, 'parts', {
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    second: 'numeric',
  }).formatToParts(new Date(instant));
  for (const p of parts) if (p.type !== 'literal') f[p.type] = Number(p.value);
  const wall = Date.UTC(f.year ?? 1970, (f.month ?? 1) - 1, f.day ?? 1, f.hour ?? 0, f.minute ?? 0, f.second ?? 0);
  return wall - (instant - (((instant % 1000) + 1000) % 1000));
}

const LOCAL = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})/;

/**
 * The instant (ISO) of a `datetime-local` value read on the zone's clock; null when incomplete.
 * A wall time that a DST change repeats takes its first instant; one it skips, the hour before.
 */
export function instantOfWall(local: string, zone: string): string | null {
  const m = LOCAL.exec(local);
  if (!m) return null;
  const [y, mo, d, h, mi] = m.slice(1).map(Number) as [number, number, number, number, number];
  const wall = Date.UTC(y, mo - 1, d, h, mi);
  let t = wall - offsetAt(wall, zone);
  const again = wall - offsetAt(t, zone);
  if (again !== t) t = Math.min(t, again);
  return new Date(t).toISOString();
}
