/**
 * Clinic-local wall-clock time ↔ instants, in a location's IANA zone (temporal-polyfill).
 * Policies, chosen once and used everywhere:
 *  - a repeated local time (the fall-back hour, 01:30 on 2026-11-01 in New York) means its
 *    EARLIER occurrence (the daylight-time offset);
 *  - a non-existent local time (the spring-forward gap, 02:30 on 2026-03-08) is SHIFTED
 *    forward by the gap (03:30) when expanding templates and recurring series (RFC 5545),
 *    and REJECTED when a person types it for a single booking (`parseStart`).
 */
import { Temporal } from 'temporal-polyfill';
import { invalid } from './errors.ts';

const DAY_MS = 86_400_000;
const cache = new Map<string, number>();

/** Epoch ms of `date` `time` on the wall clock of `zone` (gap: shifted forward; fold: earlier). Memoized. */
export function localToEpochMs(zone: string, date: string, time: string): number {
  const key = `${zone}|${date}|${time}`;
  let ms = cache.get(key);
  if (ms === undefined) {
    ms = Temporal.PlainDateTime.from(`${date}T${time}`).toZonedDateTime(zone, { disambiguation: 'compatible' }).epochMilliseconds;
    if (cache.size > 50_000) cache.clear();
    cache.set(key, ms);
  }
  return ms;
}

/** The local calendar date of an instant in `zone`, as YYYY-MM-DD. */
export function localDateOf(ms: number, zone: string): string {
  return Temporal.Instant.fromEpochMilliseconds(ms).toZonedDateTimeISO(zone).toPlainDate().toString();
}

/** Local wall-clock time of an instant in `zone`, as HH:MM:SS. */
export function localTimeOf(ms: number, zone: string): string {
  return Temporal.Instant.fromEpochMilliseconds(ms).toZonedDateTimeISO(zone).toPlainTime().toString({ smallestUnit: 'second' });
}

export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/** ISO weekday of a calendar date: 1 Monday .. 7 Sunday. */
export function isoWeekday(date: string): number {
  const d = new Date(`${date}T00:00:00Z`).getUTCDay();
  return d === 0 ? 7 : d;
}

const INSTANT_RE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/i;
const LOCAL_RE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/;

/**
 * A booking start as sent by a client: an ISO instant (with Z or an offset), or a local
 * date-time without offset read on the location's wall clock. A local time that does
 * not exist there (spring-forward gap) is refused; a repeated one means the earlier.
 */
/** True for an ISO instant with a zone designator (2026-03-09T14:00:00Z), which needs no clinic zone to read. */
export function isInstant(value: string): boolean {
  return INSTANT_RE.test(value);
}

/** Date.parse rolls an impossible day over (2026-04-31 becomes May 1); Temporal refuses it. */
function isCalendarDate(date: string): boolean {
  try {
    Temporal.PlainDate.from(date);
    return true;
  } catch {
    return false;
  }
}

export function parseStart(value: string, zone: string, path = 'start'): Date {
  if (INSTANT_RE.test(value)) {
    const ms = Date.parse(value);
    if (Number.isNaN(ms) || !isCalendarDate(value.slice(0, 10))) throw invalid(path, 'not a valid instant');
    return new Date(ms);
  }
  if (!LOCAL_RE.test(value)) throw invalid(path, 'expected an ISO instant (2026-03-09T14:00:00Z) or a local time (2026-03-09T09:00)');
  let pdt: Temporal.PlainDateTime;
  try {
    pdt = Temporal.PlainDateTime.from(value);
  } catch {
    throw invalid(path, 'not a valid date-time');
  }
  const zdt = pdt.toZonedDateTime(zone, { disambiguation: 'earlier' });
  if (!zdt.toPlainDateTime().equals(pdt)) throw invalid(path, `${value} does not exist in ${zone} (daylight-saving gap)`);
  return new Date(zdt.epochMilliseconds);
}
