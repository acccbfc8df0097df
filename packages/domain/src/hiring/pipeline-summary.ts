import { sql } from 'kysely';
import { locationsHolding, NOBODY, requirePermission } from '../access/index.ts';
import type { Ctx } from '../shared/context.ts';
import type { HiringSummary } from './hiring.schemas.ts';

/** Days ahead the dashboard counts booked interviews. */
export const INTERVIEW_DAYS = 7;

/**
 * For the manager's dashboard: the positions being recruited for (open, and on hold), the
 * places still to fill on the open ones, applicants still in the pipeline by stage, and the
 * interviews booked in the next INTERVIEW_DAYS days. At `locationId`, else every location the
 * caller may read hiring at. Counts only: no applicant is named. One statement.
 */
export async function hiringSummary(ctx: Ctx, locationId: string | null): Promise<HiringSummary> {
  requirePermission(ctx, 'hiring:read');
  const readable = locationsHolding(ctx, 'hiring:read');
  const places = locationId ? (readable && !readable.includes(locationId) ? [NOBODY] : [locationId]) : readable;
  const at = places === null ? sql`true` : sql`p.location_id = any(${places.length ? places : [NOBODY]}::uuid[])`;
  const now = ctx.clock.now();
  const { rows } = await sql<Omit<HiringSummary, 'interviewDays'>>`
    select count(*) filter (where p.status = 'open')::int as "openPositions",
           count(*) filter (where p.status = 'on_hold')::int as "onHoldPositions",
           coalesce(sum(greatest(p.openings - a.hired, 0)) filter (where p.status = 'open'), 0)::int as "openingsToFill",
           coalesce(sum(a.applied), 0)::int as applied,
           coalesce(sum(a.screening), 0)::int as screening,
           coalesce(sum(a.interview), 0)::int as interview,
           coalesce(sum(a.offer), 0)::int as offer,
           coalesce(sum(a.interviews_soon), 0)::int as "interviewsSoon"
      from hiring_positions p
      cross join lateral (
        select count(*) filter (where h.stage = 'hired') as hired,
               count(*) filter (where h.stage = 'applied') as applied,
               count(*) filter (where h.stage = 'screening') as screening,
               count(*) filter (where h.stage = 'interview') as interview,
               count(*) filter (where h.stage = 'offer') as offer,
               count(*) filter (where h.stage = 'interview' and h.interview_at >= ${now}::timestamptz
                                  and h.interview_at < ${now}::timestamptz + make_interval(days => ${INTERVIEW_DAYS}::int)) as interviews_soon
          from hiring_applicants h
         where h.position_id = p.id and h.organization_id = p.organization_id) a
     where p.organization_id = ${ctx.organizationId} and p.status in ('open', 'on_hold') and ${at}`.execute(ctx.db);
  const r = rows[0] as Omit<HiringSummary, 'interviewDays'>;
  return { ...r, interviewDays: INTERVIEW_DAYS };
}
