/**
 * Quiet hours: texts go out only between `from` and `until` on the wall clock of the location
 * they are about. A text due at night waits for the next morning's `from`, computed in the
 * location's IANA zone (Temporal), so it is right across daylight-saving changes.
 */
import { Temporal } from 'temporal-polyfill';

export interface SendWindow {
  /** 'HH:MM' or 'HH:MM:SS', local. */
  from: string;
  until: string;
}

const toTime = (t: string) => Temporal.PlainTime.from(t.length === 5 ? `${t}:00` : t);

/** `at` when it is inside the window in `zone`, else the start of the next window. */
export function nextSendTime(at: Date, zone: string, window: SendWindow): Date {
  const local = Temporal.Instant.fromEpochMilliseconds(at.getTime()).toZonedDateTimeISO(zone);
  const from = toTime(window.from);
  const until = toTime(window.until);
  const t = local.toPlainTime();
  if (Temporal.PlainTime.compare(t, from) >= 0 && Temporal.PlainTime.compare(t, until) < 0) return at;
  const day = Temporal.PlainTime.compare(t, from) < 0 ? local.toPlainDate() : local.toPlainDate().add({ days: 1 });
  const start = day.toZonedDateTime({ timeZone: zone, plainTime: from });
  return new Date(start.epochMilliseconds);
}
