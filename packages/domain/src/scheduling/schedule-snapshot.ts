/**
 * Everything availability needs, in one round trip: the appointment type, the
 * locations (with zones), the eligible providers, their templates and exceptions,
 * their active bookings, and the rooms of the kinds the type needs with their
 * reservations. The rest is in-memory interval arithmetic (find-availability.ts).
 * Locations, providers, rooms and the no-show delay come from the organizations
 * module's views (migration 0090), inlined by the planner like the tables.
 */
import { type RawBuilder, sql } from 'kysely';
import type { Ctx } from '../shared/context.ts';
import { type Interval, normalize } from './intervals.ts';
import type { AppointmentTypesTable } from './scheduling.tables.ts';
import { type ExceptionRow, type TemplateRow, WorkingHours } from './working-hours.ts';
import type { Selectable } from 'kysely';

const DAY_MS = 86_400_000;

/**
 * An instant as whole epoch milliseconds (a JSON integer). date_part, not extract: extract
 * answers numeric since PostgreSQL 14, and numeric arithmetic over thousands of bookings
 * made the whole snapshot three times slower.
 */
const msOf = (col: RawBuilder<unknown>) => sql`(date_part('epoch', ${col}) * 1000)::int8`;
/** The longest a booking can hold a calendar: 480 minutes plus a 120-minute buffer (0040's checks). */
export const MAX_SPAN_MS = (480 + 120) * 60_000;
/** Statuses that hold time on the calendar. */
export const ACTIVE_STATUSES = ['scheduled', 'confirmed', 'arrived', 'roomed', 'with_provider', 'checked_out'] as const;

export interface RoomInfo {
  id: string;
  locationId: string;
  kind: string;
  busy: Interval[];
}

export interface ScheduleSnapshot {
  type: Selectable<AppointmentTypesTable> | null;
  zones: Map<string, string>;
  providerIds: string[];
  hours: WorkingHours;
  /** Per provider, every active booking (any location), normalized. */
  busy: Map<string, Interval[]>;
  rooms: RoomInfo[];
  /** Organization setting: minutes after start before an un-arrived visit becomes a no-show. */
  noShowAfterMinutes: number;
}

interface SnapshotRow {
  no_show_minutes: number | null;
  type: (Omit<Selectable<AppointmentTypesTable>, 'created_at' | 'updated_at'> & Record<string, unknown>) | null;
  locations: { id: string; time_zone: string }[];
  providers: string[];
  templates: TemplateRow[];
  exceptions: ExceptionRow[];
  /** Per provider (room), its bookings as [start, blockedUntil] epoch milliseconds: grouped, a third of the JSON of one array per row. */
  busy: [string, [number, number][]][];
  rooms: [string, string, string][];
  room_busy: [string, [number, number][]][];
}

export async function loadScheduleSnapshot(
  ctx: Ctx,
  q: { appointmentTypeId: string; providerIds?: string[]; locationIds?: string[]; from: Date; to: Date },
): Promise<ScheduleSnapshot> {
  const org = ctx.organizationId;
  // Local dates around the range: zones are within ±14 h of UTC.
  const fromDate = new Date(q.from.getTime() - DAY_MS).toISOString().slice(0, 10);
  const toDate = new Date(q.to.getTime() + DAY_MS).toISOString().slice(0, 10);
  const provs = q.providerIds?.length ? q.providerIds : null;
  const locs = q.locationIds?.length ? q.locationIds : null;
  // A booking that started before `from` can reach into it by at most its span.
  const lookback = new Date(q.from.getTime() - MAX_SPAN_MS);
  const active = sql.join(ACTIVE_STATUSES.map((s) => sql.lit(s)));
  const { rows } = await sql<SnapshotRow>`
    with t as (
      select * from appointment_types where organization_id = ${org} and id = ${q.appointmentTypeId} and active
    ), locs as (
      select id, time_zone from location_directory
       where organization_id = ${org} and active and (${locs}::uuid[] is null or id = any(${locs}::uuid[]))
    ), provs as (
      select p.id from provider_directory p, t
       where p.organization_id = ${org} and p.active
         and (${provs}::uuid[] is null or p.id = any(${provs}::uuid[]))
         and (cardinality(t.provider_ids) = 0 or p.id = any(t.provider_ids))
    ), rms as (
      select r.id, r.location_id, r.kind from room_directory r, t
       where r.organization_id = ${org} and r.active and r.location_id in (select id from locs) and r.kind = any(t.resource_kinds)
    )
    select
      (select no_show_after_minutes from organization_schedule_settings where organization_id = ${org}) as no_show_minutes,
      (select row_to_json(t) from t) as type,
      (select coalesce(json_agg(locs), '[]') from locs) as locations,
      (select coalesce(json_agg(id), '[]') from provs) as providers,
      (select coalesce(json_agg(x), '[]') from (
         select provider_id, location_id, weekday, start_time::text, end_time::text, effective_from::text, effective_to::text
           from availability_templates
          where organization_id = ${org} and provider_id in (select id from provs) and location_id in (select id from locs)
            and effective_from <= ${toDate}::date and (effective_to is null or effective_to >= ${fromDate}::date)) x) as templates,
      (select coalesce(json_agg(x), '[]') from (
         select provider_id, location_id, kind, start_date::text, end_date::text, start_time::text, end_time::text
           from availability_exceptions
          where organization_id = ${org} and start_date <= ${toDate}::date and end_date >= ${fromDate}::date
            and (provider_id is null or provider_id in (select id from provs))
            and (location_id is null or location_id in (select id from locs))) x) as exceptions,
      (select coalesce(json_agg(json_build_array(provider_id, spans)), '[]') from (
         select provider_id, array_agg(array[${msOf(sql`starts_at`)}, ${msOf(sql`blocked_until`)}]) as spans
           from appointments
          where provider_id in (select id from provs) and status in (${active})
            and starts_at < ${q.to} and starts_at > ${lookback} and blocked_until > ${q.from}
          group by provider_id) b) as busy,
      (select coalesce(json_agg(json_build_array(id, location_id, kind) order by kind, id), '[]') from rms) as rooms,
      (select coalesce(json_agg(json_build_array(reserved_room_id, spans)), '[]') from (
         select reserved_room_id, array_agg(array[${msOf(sql`starts_at`)}, ${msOf(sql`blocked_until`)}]) as spans
           from appointments
          where reserved_room_id is not null and reserved_room_id in (select id from rms) and status in (${active})
            and starts_at < ${q.to} and starts_at > ${lookback} and blocked_until > ${q.from}
          group by reserved_room_id) b) as room_busy
  `.execute(ctx.db);
  const r = rows[0] as SnapshotRow;
  const busyLists = new Map<string, Interval[]>(r.busy.map(([id, spans]) => [id, normalize(spans)]));
  const roomBusy = new Map<string, Interval[]>(r.room_busy);
  return {
    type: r.type ? ({ ...r.type } as Selectable<AppointmentTypesTable>) : null,
    zones: new Map(r.locations.map((l) => [l.id, l.time_zone])),
    providerIds: r.providers,
    hours: new WorkingHours(r.templates, r.exceptions),
    busy: busyLists,
    noShowAfterMinutes: r.no_show_minutes ?? 30,
    rooms: r.rooms.map(([id, locationId, kind]) => ({ id, locationId, kind, busy: normalize(roomBusy.get(id) ?? []) })),
  };
}
