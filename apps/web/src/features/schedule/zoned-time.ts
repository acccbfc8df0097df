/**
 * Times shown on the location's clock, whatever the browser's zone. The calendar works in
 * "wall dates": Date objects whose browser-local fields equal the location's wall clock.
 * They go back to the API as local date-times without offset ("2026-03-04T09:00"), which the
 * server reads on the location's clock, so the browser's zone never enters the arithmetic.
 */
const formats = new Map<string, Intl.DateTimeFormat>();

function format(zone: string): Intl.DateTimeFormat {
  let f = formats.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
    });
    formats.set(zone, f);
  }
  return f;
}

function fields(instant: Date, zone: string): Record<string, number> {
  const out: Record<string, number> = {};
  for (const p of format(zone).formatToParts(instant)) if (p.type !== 'literal') out[p.type] = Number(p.value);
  return out;
}

/** The wall date (browser-local fields = the zone's clock) of an instant. */
export function toWall(instant: string | Date, zone: string): Date {
  const f = fields(new Date(instant), zone);
  return new Date(f.year ?? 1970, (f.month ?? 1) - 1, f.day ?? 1, f.hour ?? 0, f.minute ?? 0);
}

const pad = (n: number) => String(n).padStart(2, '0');

/** "YYYY-MM-DD" of a wall date. */
export function wallDay(d: Date): string {
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** "YYYY-MM-DDTHH:mm" of a wall date: a local start the API reads on the location's clock. */
export function wallLocal(d: Date): string {
  return `${wallDay(d)}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/**
 * A wall date's time of day in the location's one format: "1:40 PM" (12-hour, US locations)
 * or "13:40". The grid, next available, the appointment window and the dialogs all use it.
 */
export function wallTime(d: Date, hour12 = false): string {
  if (!hour12) return `${pad(d.getHours())}:${pad(d.getMinutes())}`;
  const h = d.getHours() % 12 || 12;
  return `${h}:${pad(d.getMinutes())} ${d.getHours() < 12 ? 'AM' : 'PM'}`;
}

/** The time of day of an instant on the zone's clock ("09:00", or "9:00 AM" with `hour12`). */
export function clockTime(instant: string | Date, zone: string, hour12 = false): string {
  return wallTime(toWall(instant, zone), hour12);
}

/** A readable date-time of an instant on the zone's clock ("Wed Mar 4, 09:00" or "Wed Mar 4, 9:00 AM"). */
export function clockDateTime(instant: string | Date, zone: string, hour12 = false): string {
  const d = toWall(instant, zone);
  return `${d.toLocaleDateString('en-US', { weekday: 'short', month: 'short', day: 'numeric' })}, ${wallTime(d, hour12)}`;
}

/** Today's date on the zone's clock, as a wall date at midnight. */
export function todayIn(zone: string): Date {
  const now = toWall(new Date(), zone);
  return new Date(now.getFullYear(), now.getMonth(), now.getDate());
}
