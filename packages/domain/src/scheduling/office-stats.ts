/**
 * The scheduling figures of the manager's dashboard, each one bounded aggregate: today's flow
 * at a location (or every location, each on its own clock), the week's utilization per
 * provider (booked minutes over working minutes from the templates and exceptions), and the
 * no-show rate by week. No patient appears in them: counts only.
 */
import { sql } from 'kysely';
import { requirePermission } from '../access/index.ts';
import type { Ctx } from '../shared/context.ts';
import { type Interval, normalize } from './intervals.ts';
import { addDays, localDateOf } from './local-time.ts';
import { type ExceptionRow, type TemplateRow, WorkingHours } from './working-hours.ts';

export interface TodayFlow {
  /** Visits on today's calendar (cancelled and rescheduled ones left out). */
  scheduled: number;
  /** Here at some point today (arrived, roomed, with the provider or checked out). */
  arrived: number;
  /** Arrived and not yet with the provider (in the waiting room or a room). */
  waiting: number;
  withProvider: number;
  checkedOut: number;
  noShows: number;
  /** Minutes from arrival to the room (still waiting: until now), over today's arrivals; null before any. */
  averageWaitMinutes: number | null;
}

const ON_CALENDAR = sql<boolean>`a.status not in ('cancelled', 'rescheduled')`;

export async function todayFlow(ctx: Ctx, locationId?: string): Promise<TodayFlow> {
  requirePermission(ctx, 'appointment:read');
  const now = ctx.clock.now();
  let q = ctx.db
    .selectFrom('appointments as a')
    .innerJoin('location_directory as l', 'l.id', 'a.location_id')
    .where('a.organization_id', '=', ctx.organizationId)
    // Today on each location's clock, with an index-friendly window around it first.
    .where('a.starts_at', '>', new Date(now.getTime() - 40 * 3_600_000))
    .where('a.starts_at', '<', new Date(now.getTime() + 40 * 3_600_000))
    .where(sql<boolean>`(a.starts_at at time zone l.time_zone)::date = (${now}::timestamptz at time zone l.time_zone)::date`)
    .where(ON_CALENDAR)
    .select([
      sql<number>`count(*)::int`.as('scheduled'),
      sql<number>`(count(*) filter (where a.arrived_at is not null))::int`.as('arrived'),
      sql<number>`(count(*) filter (where a.status in ('arrived', 'roomed')))::int`.as('waiting'),
      sql<number>`(count(*) filter (where a.status = 'with_provider'))::int`.as('with_provider'),
      sql<number>`(count(*) filter (where a.status = 'checked_out'))::int`.as('checked_out'),
      sql<number>`(count(*) filter (where a.status = 'no_show'))::int`.as('no_shows'),
      sql<
        number | null
      >`round(avg(extract(epoch from (coalesce(a.roomed_at, a.with_provider_at, ${now}) - a.arrived_at)) / 60) filter (where a.arrived_at is not null))::int`.as(
        'average_wait',
      ),
    ]);
  if (locationId) q = q.where('a.location_id', '=', locationId);
  const r = await q.executeTakeFirstOrThrow();
  return {
    scheduled: r.scheduled,
    arrived: r.arrived,
    waiting: r.waiting,
    withProvider: r.with_provider,
    checkedOut: r.checked_out,
    noShows: r.no_shows,
    averageWaitMinutes: r.average_wait,
  };
}

export interface ProviderUtilization {
  providerId: string;
  name: string;
  /** Minutes of visits booked (no-shows included: the slot was held). */
  bookedMinutes: number;
  /** Minutes of working hours (templates plus extra hours, minus time off and blocks). */
  workingMinutes: number;
  /** Booked over working, 0-100 and more when overbooked; null without working hours. */
  percent: number | null;
}

/** At most this many providers in the utilization figures (largest practices page through the schedule instead). */
export const UTILIZATION_PROVIDERS_MAX = 100;

/**
 * Utilization of each provider over local dates from..to (inclusive, at most 31 days) at one
 * location or all. Working minutes come from the same templates and exceptions availability
 * uses, so approved time off lowers them.
 */
export async function providerUtilization(ctx: Ctx, q: { locationId?: string; from: string; to: string }): Promise<ProviderUtilization[]> {
  requirePermission(ctx, 'appointment:read');
  const org = ctx.organizationId;
  const to = q.to < addDays(q.from, 31) ? q.to : addDays(q.from, 30);
  const locs = await ctx.db
    .selectFrom('location_directory')
    .select(['id', 'time_zone'])
    .where('organization_id', '=', org)
    .where('active', '=', true)
    .$if(q.locationId !== undefined, (b) => b.where('id', '=', q.locationId as string))
    .execute();
  if (locs.length === 0) return [];
  const locIds = locs.map((l) => l.id);
  const zones = new Map(locs.map((l) => [l.id, l.time_zone]));
  const [templates, exceptions, booked] = await Promise.all([
    sql<TemplateRow>`
      select provider_id, location_id, weekday, start_time::text, end_time::text, effective_from::text, effective_to::text
        from availability_templates
       where organization_id = ${org} and location_id = any(${locIds}::uuid[])
         and effective_from <= ${to}::date and (effective_to is null or effective_to >= ${q.from}::date)`
      .execute(ctx.db)
      .then((r) => r.rows),
    sql<ExceptionRow>`
      select provider_id, location_id, kind, start_date::text, end_date::text, start_time::text, end_time::text
        from availability_exceptions
       where organization_id = ${org} and start_date <= ${to}::date and end_date >= ${q.from}::date
         and (location_id is null or location_id = any(${locIds}::uuid[]))`
      .execute(ctx.db)
      .then((r) => r.rows),
    ctx.db
      .selectFrom('appointments as a')
      .innerJoin('location_directory as l', 'l.id', 'a.location_id')
      .where('a.organization_id', '=', org)
      .where('a.location_id', 'in', locIds)
      .where('a.starts_at', '>=', sql<Date>`(${q.from}::date - 1)::timestamptz`)
      .where('a.starts_at', '<', sql<Date>`(${to}::date + 2)::timestamptz`)
      .where(sql<boolean>`(a.starts_at at time zone l.time_zone)::date between ${q.from}::date and ${to}::date`)
      .where('a.status', 'not in', ['cancelled', 'rescheduled'])
      .groupBy('a.provider_id')
      .select(['a.provider_id', sql<number>`(sum(extract(epoch from a.ends_at - a.starts_at)) / 60)::int`.as('minutes')])
      .execute(),
  ]);
  const hours = new WorkingHours(templates, exceptions);
  const pairs = new Set(templates.map((t) => `${t.provider_id}|${t.location_id}`));
  const providerIds = [...new Set([...templates.map((t) => t.provider_id), ...booked.map((b) => b.provider_id)])];
  const names = await ctx.db
    .selectFrom('provider_directory')
    .select(['id', 'given_name', 'family_name', 'credentials'])
    .where('organization_id', '=', org)
    .where('id', 'in', providerIds.length > 0 ? providerIds : ['00000000-0000-0000-0000-000000000000'])
    .execute();
  const bookedBy = new Map(booked.map((b) => [b.provider_id, b.minutes]));
  return names
    .map((p) => {
      const intervals: Interval[] = [];
      for (const pair of pairs) {
        const [providerId, locationId] = pair.split('|') as [string, string];
        if (providerId !== p.id) continue;
        intervals.push(...hours.intervals(p.id, locationId, zones.get(locationId) as string, q.from, to));
      }
      const workingMinutes = Math.round(normalize(intervals).reduce((sum, [a, b]) => sum + (b - a), 0) / 60_000);
      const bookedMinutes = bookedBy.get(p.id) ?? 0;
      return {
        providerId: p.id,
        name: [p.given_name, p.family_name].join(' ') + (p.credentials ? `, ${p.credentials}` : ''),
        bookedMinutes,
        workingMinutes,
        percent: workingMinutes > 0 ? Math.round((100 * bookedMinutes) / workingMinutes) : null,
      };
    })
    .sort((a, b) => a.name.localeCompare(b.name))
    .slice(0, UTILIZATION_PROVIDERS_MAX);
}

export interface NoShowWeek {
  /** The Monday the week starts (local date of the location, or of the first location for all). */
  weekStart: string;
  /** Visits due to have happened that week (checked out, no-show, or still open in the past). */
  visits: number;
  noShows: number;
  /** No-shows over visits, in percent with one decimal; null for a week without visits. */
  rate: number | null;
}

/** The no-show rate of the last `weeks` weeks (this one included, up to now), oldest first. At most 26 weeks. */
export async function noShowTrend(ctx: Ctx, q: { locationId?: string; weeks: number; zone: string }): Promise<NoShowWeek[]> {
  requirePermission(ctx, 'appointment:read');
  const weeks = Math.min(Math.max(q.weeks, 1), 26);
  const now = ctx.clock.now();
  const today = localDateOf(now.getTime(), q.zone);
  const dow = (new Date(`${today}T00:00:00Z`).getUTCDay() + 6) % 7; // Monday 0
  const firstMonday = addDays(today, -dow - 7 * (weeks - 1));
  let query = ctx.db
    .selectFrom('appointments as a')
    .innerJoin('location_directory as l', 'l.id', 'a.location_id')
    .where('a.organization_id', '=', ctx.organizationId)
    .where('a.starts_at', '>=', sql<Date>`(${firstMonday}::date - 1)::timestamptz`)
    .where('a.starts_at', '<=', now)
    .where('a.status', 'not in', ['cancelled', 'rescheduled'])
    .groupBy(sql`1`)
    .select([
      sql<string>`date_trunc('week', a.starts_at at time zone l.time_zone)::date::text`.as('week'),
      sql<number>`count(*)::int`.as('visits'),
      sql<number>`(count(*) filter (where a.status = 'no_show'))::int`.as('no_shows'),
    ]);
  if (q.locationId) query = query.where('a.location_id', '=', q.locationId);
  const rows = new Map((await query.execute()).map((r) => [r.week, r]));
  const out: NoShowWeek[] = [];
  for (let w = 0; w < weeks; w++) {
    const weekStart = addDays(firstMonday, 7 * w);
    const r = rows.get(weekStart);
    const visits = r?.visits ?? 0;
    const noShows = r?.no_shows ?? 0;
    out.push({ weekStart, visits, noShows, rate: visits > 0 ? Math.round((1000 * noShows) / visits) / 10 : null });
  }
  return out;
}
