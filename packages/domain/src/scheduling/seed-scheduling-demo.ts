/**
 * Demo schedule: four appointment types, Mon-Fri 08:00-17:00 hours with a lunch block
 * for the four demo providers (two per location), a procedure type that reserves an
 * exam room, and appointments for today and the
 * next two weeks. Today's visits before "now" (the demo clock) are checked out, arrived,
 * roomed or with the provider, so the flow board shows a working clinic. The three weeks
 * before today hold a lighter history of visits (checked out, a few no-shows) for part of
 * the registry: at any hour of any day the practice has established patients.
 */
import type { DemoSeeder } from '../demo/index.ts';
import { enqueueJob } from '../jobs/index.ts';
import { listLocations, listRooms } from '../organizations/index.ts';
import { seededRandom } from '../shared/random.ts';
import { addDays, isoWeekday, localDateOf, localToEpochMs } from './local-time.ts';
import { NO_SHOW_QUEUE } from './insert-appointment.ts';
import type { AppointmentStatus, AppointmentsTable } from './scheduling.tables.ts';
import type { Insertable } from 'kysely';

const MINUTE = 60_000;
const TYPES = [
  { name: 'New patient', duration_minutes: 40, color: '#1c7ed6', patient_kind: 'new' as const, weight: 2 },
  { name: 'Follow-up', duration_minutes: 20, color: '#2f9e44', patient_kind: 'established' as const, weight: 6 },
  { name: 'Annual physical', duration_minutes: 30, color: '#e8590c', patient_kind: 'any' as const, weight: 3 },
  {
    name: 'Procedure',
    duration_minutes: 45,
    color: '#9c36b5',
    patient_kind: 'established' as const,
    weight: 1,
    resource: 'exam room',
    buffer: 15,
  },
];

export const seedSchedulingDemo: DemoSeeder = async (demo) => {
  const { db, clock } = demo.ctx;
  const org = demo.organizationId;
  const rnd = seededRandom(20_260_140);
  const now = clock.now().getTime();
  const [loc0, loc1] = demo.locationIds as [string, string];
  const types = await db
    .insertInto('appointment_types')
    .values(
      TYPES.map((t) => ({
        organization_id: org,
        name: t.name,
        duration_minutes: t.duration_minutes,
        color: t.color,
        patient_kind: t.patient_kind,
        resource_kinds: t.resource ? [t.resource] : [],
        // Procedures are done at the main clinic: only its providers do them.
        provider_ids: t.resource ? demo.providerIds.slice(0, 2) : [],
        buffer_minutes: t.buffer ?? 0,
      })),
    )
    .returning(['id', 'name'])
    .execute();
  const zones = new Map((await listLocations(demo.ctx)).map((l) => [l.id, l.timeZone]));
  const assignments = demo.providerIds.map((providerId, i) => ({ providerId, locationId: i < 2 ? loc0 : loc1 }));
  const today = new Map([...zones].map(([id, zone]) => [id, localDateOf(now, zone)]));
  await db
    .insertInto('availability_templates')
    .values(
      assignments.flatMap(({ providerId, locationId }) =>
        [1, 2, 3, 4, 5].map((weekday) => ({
          organization_id: org,
          provider_id: providerId,
          location_id: locationId,
          weekday,
          start_time: '08:00',
          end_time: '17:00',
          effective_from: addDays(today.get(locationId) as string, -90),
          effective_to: null,
        })),
      ),
    )
    .execute();
  await db
    .insertInto('availability_exceptions')
    .values(
      assignments.map(({ providerId }) => ({
        organization_id: org,
        provider_id: providerId,
        location_id: null,
        kind: 'blocked' as const,
        start_date: addDays(today.get(loc0) as string, -90),
        end_date: addDays(today.get(loc0) as string, 365),
        start_time: '12:00',
        end_time: '13:00',
        reason: 'Lunch',
      })),
    )
    .execute();
  // A weekend demo still shows a clinic day: Saturday/Sunday clinic hours for today.
  const weekendToday = assignments.filter(({ locationId }) => isoWeekday(today.get(locationId) as string) > 5);
  if (weekendToday.length) {
    await db
      .insertInto('availability_exceptions')
      .values(
        weekendToday.map(({ providerId, locationId }) => ({
          organization_id: org,
          provider_id: providerId,
          location_id: locationId,
          kind: 'extra_hours' as const,
          start_date: today.get(locationId) as string,
          end_date: today.get(locationId) as string,
          start_time: '08:00',
          end_time: '17:00',
          reason: 'Weekend clinic',
        })),
      )
      .execute();
  }

  const weighted = types.flatMap((t, i) => Array<typeof t>(TYPES[i]?.weight ?? 1).fill(t));
  const rooms = (await listRooms(demo.ctx)).filter((r) => r.kind === 'exam room');
  const rows: Insertable<AppointmentsTable>[] = [];
  for (const { providerId, locationId } of assignments) {
    const zone = zones.get(locationId) as string;
    const examRooms = rooms.filter((r) => r.locationId === locationId).map((r) => r.id);
    for (let d = 0; d <= 14; d++) {
      const date = addDays(today.get(locationId) as string, d);
      if (isoWeekday(date) > 5 && d > 0) continue;
      for (const [from, to] of [
        ['08:00', '12:00'],
        ['13:00', '17:00'],
      ] as const) {
        let t = localToEpochMs(zone, date, from);
        const end = localToEpochMs(zone, date, to);
        while (t < end) {
          const type = rnd.pick(weighted);
          const spec = TYPES.find((x) => x.name === type.name) as (typeof TYPES)[number];
          if (spec.resource && locationId !== loc0) continue;
          const stop = t + spec.duration_minutes * MINUTE;
          const blocked = stop + (spec.buffer ?? 0) * MINUTE;
          if (blocked > end || rnd.chance(0.3)) {
            t += 20 * MINUTE;
            continue;
          }
          rows.push({
            organization_id: org,
            patient_id: rnd.pick(demo.patientIds),
            provider_id: providerId,
            location_id: locationId,
            appointment_type_id: type.id,
            starts_at: new Date(t),
            ends_at: new Date(stop),
            blocked_until: new Date(blocked),
            reserved_room_id: spec.resource ? 'pending' : null,
            ...flowState(t, stop, now, examRooms, rnd),
          });
          t = blocked;
        }
      }
    }
  }
  // History: the three weeks before today, lighter, for the first 60 % of the registry (its own
  // random sequence, so today's and the coming weeks' visits are the same with or without it).
  const past = seededRandom(20_260_141);
  const regulars = demo.patientIds.slice(0, Math.max(1, Math.ceil(demo.patientIds.length * 0.6)));
  const visitTypes = weighted.filter((t) => !TYPES.find((x) => x.name === t.name)?.resource);
  for (const { providerId, locationId } of assignments) {
    const zone = zones.get(locationId) as string;
    for (let d = -21; d < 0; d++) {
      const date = addDays(today.get(locationId) as string, d);
      if (isoWeekday(date) > 5) continue;
      for (const [from, to] of [
        ['08:00', '12:00'],
        ['13:00', '17:00'],
      ] as const) {
        let t = localToEpochMs(zone, date, from);
        const end = localToEpochMs(zone, date, to);
        while (t < end) {
          const type = past.pick(visitTypes);
          const spec = TYPES.find((x) => x.name === type.name) as (typeof TYPES)[number];
          const stop = t + spec.duration_minutes * MINUTE;
          const blocked = stop + (spec.buffer ?? 0) * MINUTE;
          if (blocked > end || past.chance(0.55)) {
            t += 20 * MINUTE;
            continue;
          }
          rows.push({
            organization_id: org,
            patient_id: past.pick(regulars),
            provider_id: providerId,
            location_id: locationId,
            appointment_type_id: type.id,
            starts_at: new Date(t),
            ends_at: new Date(stop),
            blocked_until: new Date(blocked),
            reserved_room_id: null,
            ...flowState(t, stop, now, [], past),
          });
          t = blocked;
        }
      }
    }
  }
  // A procedure reserves one of the main clinic's exam rooms; drop one when both are taken.
  const reservations = new Map<string, [number, number][]>();
  const mainRooms = rooms.filter((r) => r.locationId === loc0).map((r) => r.id);
  const kept = rows.filter((r) => {
    if (!r.reserved_room_id) return true;
    const s = (r.starts_at as Date).getTime();
    const e = (r.blocked_until as Date).getTime();
    const free = mainRooms.find((id) => !(reservations.get(id) ?? []).some(([a, b]) => a < e && s < b));
    if (!free) return false;
    reservations.set(free, [...(reservations.get(free) ?? []), [s, e]]);
    r.reserved_room_id = free;
    return true;
  });
  for (let i = 0; i < kept.length; i += 500) {
    const inserted = await db
      .insertInto('appointments')
      .values(kept.slice(i, i + 500))
      .returning(['id', 'status', 'starts_at', 'created_at'])
      .execute();
    await db
      .insertInto('appointment_events')
      .values(
        inserted.map((a) => ({
          organization_id: org,
          appointment_id: a.id,
          from_status: null,
          to_status: 'scheduled' as const,
          at: a.created_at,
          user_id: null,
        })),
      )
      .execute();
    for (const a of inserted) {
      if (a.status === 'scheduled' || a.status === 'confirmed') {
        await enqueueJob(
          db,
          NO_SHOW_QUEUE,
          { organizationId: org, appointmentId: a.id },
          {
            dedupeKey: `no-show:${a.id}`,
            runAt: new Date(a.starts_at.getTime() + 30 * MINUTE),
          },
        );
      }
    }
  }
};

/** Where a visit stands at `now`: done in the past, in progress around now, booked ahead. */
function flowState(start: number, end: number, now: number, rooms: string[], rnd: ReturnType<typeof seededRandom>) {
  const at = (ms: number) => new Date(ms);
  const set = (status: AppointmentStatus, extra: Partial<Insertable<AppointmentsTable>> = {}) => ({ status, ...extra });
  if (start > now + 30 * MINUTE) return set(rnd.chance(0.4) ? 'confirmed' : 'scheduled', {});
  if (start > now)
    return rnd.chance(0.5)
      ? set('arrived', { arrived_at: at(now - rnd.int(1, 10) * MINUTE) })
      : set('confirmed', { confirmed_at: at(start - 86_400_000) });
  const arrived = start - rnd.int(0, 15) * MINUTE;
  if (end + 20 * MINUTE < now) {
    if (rnd.chance(0.08)) return set('no_show');
    return set('checked_out', {
      arrived_at: at(arrived),
      roomed_at: at(start),
      with_provider_at: at(start + 5 * MINUTE),
      checked_out_at: at(end),
    });
  }
  const room = rooms.length ? rnd.pick(rooms) : null;
  if (start + 5 * MINUTE < now)
    return set('with_provider', { arrived_at: at(arrived), roomed_at: at(start), with_provider_at: at(start + 5 * MINUTE), room_id: room });
  if (rnd.chance(0.5)) return set('roomed', { arrived_at: at(arrived), roomed_at: at(Math.min(now, start)), room_id: room });
  return set('arrived', { arrived_at: at(arrived) });
}
