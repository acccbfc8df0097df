/**
 * The one way an appointment row is written (booking, series, reschedule). The
 * database's exclusion constraints are the guard against double-booking; this code
 * checks hours, resources and overbooking rights, and maps a constraint violation
 * (SQLSTATE 23P01) to SLOT_TAKEN. Runs inside the caller's transaction, under a
 * savepoint, so a series can record a conflict and carry on.
 */
import { sql } from 'kysely';
import { can } from '../access/index.ts';
import { auditCtes } from '../audit/index.ts';
import { enqueueJob } from '../jobs/index.ts';
import { roomsByIds } from '../organizations/index.ts';
import { actorUserId, type Ctx } from '../shared/context.ts';
import { AppError, invalid } from '../shared/errors.ts';
import { emit } from '../shared/events.ts';
import { appointmentBooking, type BookingAnswer } from './booking-hooks.ts';
import { containedIn, overlapsAny } from './intervals.ts';
import { addDays, localDateOf } from './local-time.ts';
import { checkPatientKind } from './patient-kind.ts';
import { loadScheduleSnapshot } from './schedule-snapshot.ts';

export const NO_SHOW_QUEUE = 'scheduling.no-show';
const MINUTE = 60_000;

export interface NewAppointment {
  patientId: string;
  providerId: string;
  locationId: string;
  appointmentTypeId: string;
  start: Date;
  roomId?: string | undefined;
  notes?: string;
  overbook?: boolean;
  /** Book a new-patient type for an established patient (or the reverse): needs appointment:override. */
  overridePatientKind?: boolean;
  seriesId?: string | null;
  rescheduledFromId?: string | null;
  /** Set when access rests on break-glass: the audit row says so. */
  breakGlass?: boolean;
}

/**
 * True for an exclusion-constraint violation (23P01), and for a deadlock (40P01): two
 * inserts wait on each other's overlapping row only when they truly conflict (for
 * instance one shares the provider, the other the room), so the victim has lost its slot.
 */
export function isExclusionViolation(e: unknown): boolean {
  const code = (e as { code?: string })?.code;
  return code === '23P01' || code === '40P01';
}

/** Local dates of booking times: bookings fall on a few hundred distinct times, and Temporal's conversion costs more than the rest of the checks. */
const localDays = new Map<string, string>();
function localDay(ms: number, zone: string): string {
  const key = `${zone}|${ms}`;
  let day = localDays.get(key);
  if (day === undefined) {
    day = localDateOf(ms, zone);
    if (localDays.size >= 10_000) localDays.clear();
    localDays.set(key, day);
  }
  return day;
}

export async function insertAppointment(tx: Ctx, a: NewAppointment): Promise<string> {
  const s = a.start.getTime();
  const snap = await loadScheduleSnapshot(tx, {
    appointmentTypeId: a.appointmentTypeId,
    providerIds: [a.providerId],
    locationIds: [a.locationId],
    from: a.start,
    to: new Date(s + 10 * 60 * MINUTE),
  });
  const type = snap.type;
  if (!type) throw invalid('appointmentTypeId', 'unknown or inactive appointment type');
  const zone = snap.zones.get(a.locationId);
  if (!zone) throw invalid('locationId', 'unknown or inactive location');
  if (!snap.providerIds.includes(a.providerId)) throw invalid('providerId', 'unknown provider, or not allowed for this appointment type');
  const end = s + type.duration_minutes * MINUTE;
  const blockedUntil = end + type.buffer_minutes * MINUTE;

  const overrideAllowed = type.overbooking_allowed || can(tx, 'appointment:override');
  if (a.overbook && !overrideAllowed) throw new AppError('FORBIDDEN', 'overbooking this type needs appointment:override');

  // A rescheduled visit keeps the kind it was booked with.
  const kindOverridden = a.rescheduledFromId
    ? false
    : await checkPatientKind(tx, {
        patientKind: type.patient_kind,
        patientId: a.patientId,
        start: a.start,
        override: a.overridePatientKind === true,
      });

  const day = localDay(s, zone);
  const hours = snap.hours.intervals(a.providerId, a.locationId, zone, addDays(day, -1), addDays(day, 1));
  if (!containedIn(hours, s, end) && !(a.overbook && can(tx, 'appointment:override'))) {
    throw new AppError('CONFLICT', "outside the provider's working hours at this location", { extra: { reason: 'OUTSIDE_HOURS' } });
  }

  let reservedRoomId: string | null = null;
  /** Other free rooms of the kind, tried in turn when a concurrent booking takes the first. */
  let fallbackRooms: string[] = [];
  const kinds = type.resource_kinds;
  let candidates = snap.rooms.filter((r) => r.locationId === a.locationId && kinds.includes(r.kind));
  // Other modules' say (booking-hooks.ts): a refusal throws; rooms out of service are not picked.
  const answers = await emit(tx, appointmentBooking, {
    providerId: a.providerId,
    locationId: a.locationId,
    startsAt: new Date(s),
    endsAt: new Date(end),
    localDate: day,
    roomId: a.roomId ?? null,
    candidateRoomIds: a.roomId ? [] : candidates.map((r) => r.id),
  });
  const unavailable = new Set(answers.flatMap((x) => (x.result as BookingAnswer | undefined)?.unavailableRoomIds ?? []));
  if (unavailable.size > 0) candidates = candidates.filter((r) => !unavailable.has(r.id));
  if (a.roomId) {
    const [room] = await roomsByIds(tx, [a.roomId]);
    if (!room || room.locationId !== a.locationId || !room.active || (kinds.length > 0 && !kinds.includes(room.kind)))
      throw invalid('roomId', `not a ${kinds.join('/') || 'room'} at this location`);
    reservedRoomId = room.id;
  } else if (kinds.length > 0) {
    const free = candidates.filter((r) => !overlapsAny(r.busy, s, blockedUntil)).map((r) => r.id);
    if (free.length === 0 && !a.overbook)
      throw new AppError('SLOT_TAKEN', `no ${kinds.join('/')} is free at that time`, { extra: { reason: 'NO_RESOURCE' } });
    fallbackRooms = free.slice(1);
    reservedRoomId = free[0] ?? candidates[0]?.id ?? null;
    if (!reservedRoomId) throw invalid('appointmentTypeId', `this location has no ${kinds.join('/')}`);
  }

  // Overbooking is a deliberate act: only then is the row written outside the constraints.
  const roomBusy = snap.rooms.find((r) => r.id === reservedRoomId)?.busy ?? [];
  const overbooked =
    a.overbook === true && (overlapsAny(snap.busy.get(a.providerId) ?? [], s, blockedUntil) || overlapsAny(roomBusy, s, blockedUntil));
  const userId = actorUserId(tx);
  const now = tx.clock.now();
  // Known before the row is written: the audit row goes in the same statement.
  const audit = (w: string) =>
    auditCtes(tx, w, sql`w.id::text`, {
      action: 'create',
      resourceType: 'appointment',
      patientId: a.patientId,
      breakGlass: a.breakGlass ?? false,
      details: {
        start: new Date(s).toISOString(),
        providerId: a.providerId,
        ...(overbooked && { overbooked: true, override: !type.overbooking_allowed }),
        ...(kindOverridden && { patientKindOverride: type.patient_kind, override: true }),
        ...(a.rescheduledFromId && { rescheduledFromId: a.rescheduledFromId }),
      },
    });
  let id: string | undefined;
  while (id === undefined) {
    // A savepoint only when another room could be tried after a clash: otherwise a clash
    // ends the booking anyway, and the two extra round trips are saved.
    const canRetry = fallbackRooms.length > 0;
    if (canRetry) await sql`savepoint insert_appointment`.execute(tx.db);
    try {
      // One statement: the queue, the row, its first status event and its audit row.
      // Bookings of one provider (and one room) queue on advisory locks, in a fixed order
      // (provider, then room), taken before the row is inserted (the row is selected from
      // `queue`). The exclusion constraints still decide; without the queue, two inserts that
      // overlap each wait for the other's transaction, PostgreSQL breaks one such deadlock per
      // deadlock_timeout (1 s), and 30 simultaneous requests for one slot took 30 seconds.
      const { rows } = await sql<{ id: string }>`
        with queue as (
          select pg_advisory_xact_lock(hashtextextended(${`appointments:provider:${a.providerId}`}, 0))${
            reservedRoomId ? sql`, pg_advisory_xact_lock(hashtextextended(${`appointments:room:${reservedRoomId}`}, 0))` : sql``
          }
        ), a as (
          insert into appointments (organization_id, patient_id, provider_id, location_id, appointment_type_id, starts_at, ends_at,
                                    blocked_until, overbooked, reserved_room_id, notes, series_id, rescheduled_from_id,
                                    created_by, created_at, updated_at)
          select ${tx.organizationId}::uuid, ${a.patientId}::uuid, ${a.providerId}::uuid, ${a.locationId}::uuid, ${type.id}::uuid,
                 ${new Date(s)}::timestamptz, ${new Date(end)}::timestamptz, ${new Date(blockedUntil)}::timestamptz, ${overbooked}::boolean,
                 ${reservedRoomId}::uuid, ${a.notes ?? ''}::text, ${a.seriesId ?? null}::uuid, ${a.rescheduledFromId ?? null}::uuid,
                 ${userId}::uuid, ${now}::timestamptz, ${now}::timestamptz
            from queue
          ${
            // Without another room to try, a clash just answers SLOT_TAKEN: no row instead of an
            // error (an error costs a rolled-back statement and a formatted stack trace, and at a
            // busy desk most attempts at a taken time end here).
            canRetry ? sql`` : sql`on conflict do nothing`
          }
          returning id
        ), event as (
          insert into appointment_events (organization_id, appointment_id, from_status, to_status, at, user_id, details)
          select ${tx.organizationId}::uuid, a.id, null, 'scheduled', ${now}::timestamptz, ${userId}::uuid,
                 ${overbooked ? JSON.stringify({ overbooked: true }) : null}::jsonb
            from a
        ), ${await audit('a')}
        select id from a`.execute(tx.db);
      const row = rows[0];
      if (!row && !canRetry) throw new AppError('SLOT_TAKEN', 'the provider or the room is already booked at that time');
      if (!row) throw new Error('appointment insert returned no row');
      id = row.id;
      if (canRetry) await sql`release savepoint insert_appointment`.execute(tx.db);
    } catch (e) {
      if (!isExclusionViolation(e)) throw e;
      if (!canRetry) throw new AppError('SLOT_TAKEN', 'the provider or the room is already booked at that time');
      await sql`rollback to savepoint insert_appointment`.execute(tx.db);
      // A room taken under us (or a deadlock, which may be over the room): try the next free one.
      // If the provider was the clash, the retry meets it again and answers SLOT_TAKEN.
      const e2 = e as { constraint?: string; code?: string };
      const roomLost = e2.constraint === 'appointments_room_no_overlap' || e2.code === '40P01';
      const next = roomLost ? fallbackRooms.shift() : undefined;
      if (!next) throw new AppError('SLOT_TAKEN', 'the provider or the room is already booked at that time');
      reservedRoomId = next;
    }
  }
  await enqueueJob(
    tx.db,
    NO_SHOW_QUEUE,
    { organizationId: tx.organizationId, appointmentId: id },
    { dedupeKey: `no-show:${id}`, runAt: new Date(s + snap.noShowAfterMinutes * MINUTE) },
  );
  return id;
}
