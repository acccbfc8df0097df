/**
 * The calendar's background: for a provider (or, with none, anyone at the location) at a
 * wall time, whether it is time off (time off, holidays), blocked (lunch, meetings), outside
 * working hours, or open. Read from the weekly templates and the exceptions the schedule
 * already serves, on the location's wall clock, as the availability search reads them.
 */
import type { AvailabilityException, Template } from './schedule-api.ts';
import { wallDay } from './zoned-time.ts';

export type Shade = 'time-off' | 'blocked' | 'closed' | null;

const pad = (n: number) => String(n).padStart(2, '0');
const isoWeekday = (d: Date) => d.getDay() || 7;

function within(time: string, from: string | null, to: string | null): boolean {
  return from === null || to === null || (time >= from.slice(0, 5) && time < to.slice(0, 5));
}

export function shadeAt(
  wall: Date,
  providerId: string | null,
  locationId: string,
  templates: readonly Template[],
  exceptions: readonly AvailabilityException[],
): Shade {
  const day = wallDay(wall);
  const time = `${pad(wall.getHours())}:${pad(wall.getMinutes())}`;
  const today = exceptions.filter(
    (e) =>
      e.startDate <= day &&
      e.endDate >= day &&
      (e.locationId === null || e.locationId === locationId) &&
      (providerId === null ? e.providerId === null : e.providerId === null || e.providerId === providerId) &&
      within(time, e.startTime, e.endTime),
  );
  if (today.some((e) => e.kind === 'time_off' || e.kind === 'holiday')) return 'time-off';
  if (today.some((e) => e.kind === 'blocked')) return 'blocked';
  if (today.some((e) => e.kind === 'extra_hours')) return null;
  const weekday = isoWeekday(wall);
  const working = templates.some(
    (t) =>
      t.locationId === locationId &&
      (providerId === null || t.providerId === providerId) &&
      t.weekday === weekday &&
      t.effectiveFrom <= day &&
      (t.effectiveTo === null || t.effectiveTo >= day) &&
      within(time, t.startTime, t.endTime),
  );
  return working ? null : 'closed';
}

/** A whole day of time off for the provider (said in the column's header, not only shaded). */
export function dayOff(
  wall: Date,
  providerId: string,
  locationId: string,
  exceptions: readonly AvailabilityException[],
): AvailabilityException | undefined {
  const day = wallDay(wall);
  return exceptions.find(
    (e) =>
      (e.kind === 'time_off' || e.kind === 'holiday') &&
      e.startTime === null &&
      e.startDate <= day &&
      e.endDate >= day &&
      (e.locationId === null || e.locationId === locationId) &&
      (e.providerId === null || e.providerId === providerId),
  );
}
