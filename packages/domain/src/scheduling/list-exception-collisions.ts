import { can, requirePermission } from '../access/index.ts';
import { type Ctx, inTransaction } from '../shared/context.ts';
import { AppError } from '../shared/errors.ts';
import { auditAppointmentPage, readAppointments, toAppointment } from './appointment-row.ts';
import { requireLocationZone } from './check-references.ts';
import { addDays, localDateOf, localToEpochMs } from './local-time.ts';
import type { Appointment, AvailabilityException } from './scheduling.schemas.ts';
import { toException } from './template-row.ts';

const HOUR_MS = 3_600_000;
/** Booked visits that still need a decision: the ones on the calendar, not yet begun. */
const BOOKED = ['scheduled', 'confirmed'] as const;
/** At most this many collisions are listed (a year of time off for a busy provider). */
const MAX_COLLISIONS = 500;
/** Visits read to find them (a daily block passes over the visits outside its hours). */
const MAX_READ = MAX_COLLISIONS * 4;

/**
 * The booked visits an exception falls on: time off, a holiday or blocked time over a
 * scheduled or confirmed visit of its provider (any location, when it names none) at its
 * location (any provider, when it names none), each day of its dates read on the visit's
 * location's clock, all day or within its times. Extra hours collide with nothing. One
 * audit row for the list (`search:appointment` with `exceptionId`); a restricted patient's
 * visit the caller may not open is a busy block, as on the calendar.
 */
export async function collisionsOf(tx: Ctx, e: AvailabilityException): Promise<{ items: Appointment[]; truncated: boolean }> {
  if (e.kind === 'extra_hours') return { items: [], truncated: false };
  // Instants the dates could touch in any zone (UTC-12 to UTC+14), then the exact test per location.
  const from = new Date(Date.parse(`${e.startDate}T00:00:00Z`) - 15 * HOUR_MS);
  const to = new Date(Date.parse(`${e.endDate}T00:00:00Z`) + 39 * HOUR_MS);
  const rows = await readAppointments(tx, (q) => {
    let r = q.where('a.status', 'in', BOOKED).where('a.ends_at', '>', from).where('a.starts_at', '<', to);
    if (e.providerId) r = r.where('a.provider_id', '=', e.providerId);
    if (e.locationId) r = r.where('a.location_id', '=', e.locationId);
    return r.orderBy('a.starts_at').orderBy('a.id').limit(MAX_READ);
  });
  const zones = new Map<string, string>();
  for (const id of new Set(rows.map((r) => r.location_id))) zones.set(id, await requireLocationZone(tx, id));
  const hits = rows.filter((r) => {
    const zone = zones.get(r.location_id) as string;
    const start = localToEpochMs(zone, e.startDate, e.startTime ?? '00:00');
    // The end of the last day: its end time, or the next midnight.
    const end = e.endTime ? localToEpochMs(zone, e.endDate, e.endTime) : localToEpochMs(zone, nextDay(e.endDate), '00:00');
    if (r.starts_at.getTime() >= end || r.ends_at.getTime() <= start) return false;
    if (!e.startTime || !e.endTime) return true;
    // Times of day: the window of the visit's own local date(s) only, so the cost of a row
    // does not grow with the exception's span.
    const { startTime, endTime } = e;
    const days = new Set([localDateOf(r.starts_at.getTime(), zone), localDateOf(r.ends_at.getTime() - 1, zone)]);
    return [...days].some((d) => {
      if (d < e.startDate || d > e.endDate) return false;
      return r.starts_at.getTime() < localToEpochMs(zone, d, endTime) && r.ends_at.getTime() > localToEpochMs(zone, d, startTime);
    });
  });
  // More than fit in one answer, or more visits in range than were read: the list is incomplete.
  const truncated = hits.length > MAX_COLLISIONS || rows.length === MAX_READ;
  const shown = hits.slice(0, MAX_COLLISIONS);
  await auditAppointmentPage(tx, shown, {
    action: 'search',
    resourceType: 'appointment',
    breakGlass: false,
    details: { count: shown.length, exceptionId: e.id },
  });
  return { items: shown.map(toAppointment), truncated };
}

const nextDay = (date: string) => addDays(date, 1);

/** The booked visits an existing exception falls on (after saving it, or later: some may have been moved since). */
export async function listExceptionCollisions(ctx: Ctx, id: string): Promise<{ items: Appointment[]; truncated: boolean }> {
  requirePermission(ctx, 'appointment:read');
  return inTransaction(ctx, async (tx) => {
    const row = /^[0-9a-f-]{36}$/i.test(id)
      ? await tx.db
          .selectFrom('availability_exceptions')
          .selectAll()
          .where('id', '=', id)
          .where('organization_id', '=', tx.organizationId)
          .executeTakeFirst()
      : undefined;
    if (!row) throw new AppError('NOT_FOUND', 'exception not found');
    return collisionsOf(tx, toException(row));
  });
}

/** Whether the caller may be shown the visits an exception collides with (schedule:manage without appointment:read may not). */
export const maySeeCollisions = (ctx: Ctx) => can(ctx, 'appointment:read');
