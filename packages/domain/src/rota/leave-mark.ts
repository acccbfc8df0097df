/**
 * Shifts on leave, computed when read (nothing is copied): a shift is on leave while its
 * person has approved time off covering a day the shift touches on its location's calendar
 * (time off is whole days, inclusive). Approving marks the person's shifts of those days;
 * cancelling or denying it lifts the mark at the next read. The shift lists answer the time
 * off's id, and coverage counts a shift on leave as nobody on.
 */
import { type RawBuilder, sql } from 'kysely';
import type { Ctx } from '../shared/context.ts';
import { AppError } from '../shared/errors.ts';

/** The id of the approved time off covering shift `s` (columns of `shifts` under alias `alias`), else null. */
export function leaveOf(alias: string): RawBuilder<string | null> {
  const s = sql.ref(alias);
  return sql<string | null>`(
    select t.id from time_off t
      join location_directory l on l.id = ${s}.location_id
     where t.organization_id = ${s}.organization_id and t.user_id = ${s}.user_id and t.status = 'approved'
       and t.start_date <= ((${s}.ends_at - interval '1 microsecond') at time zone l.time_zone)::date
       and t.end_date >= (${s}.starts_at at time zone l.time_zone)::date
     order by t.start_date, t.id
     limit 1)`;
}

/**
 * The approved time off of `userId` covering a day that the span `startsAt`..`endsAt` touches on
 * its location's calendar (as `leaveOf` reads it), else undefined. Putting someone on a shift
 * there is refused: the shift would be on leave from the start. (Time off approved after a shift
 * exists marks the shift instead: the manager then finds cover.)
 */
export async function approvedLeaveDuring(
  ctx: Ctx,
  input: { userId: string; locationId: string; startsAt: Date; endsAt: Date },
): Promise<{ id: string; startDate: string; endDate: string } | undefined> {
  const row = await sql<{ id: string; start_date: string; end_date: string }>`
    select t.id, t.start_date::text as start_date, t.end_date::text as end_date from time_off t
      join location_directory l on l.id = ${input.locationId} and l.organization_id = t.organization_id
     where t.organization_id = ${ctx.organizationId} and t.user_id = ${input.userId} and t.status = 'approved'
       and t.start_date <= ((${input.endsAt}::timestamptz - interval '1 microsecond') at time zone l.time_zone)::date
       and t.end_date >= (${input.startsAt}::timestamptz at time zone l.time_zone)::date
     order by t.start_date, t.id
     limit 1`.execute(ctx.db);
  const t = row.rows[0];
  return t && { id: t.id, startDate: t.start_date, endDate: t.end_date };
}

/** 409 naming `path` when `userId` has approved time off on the span's days. */
export async function refuseShiftOnLeave(
  ctx: Ctx,
  input: { userId: string; locationId: string; startsAt: Date; endsAt: Date; path: string },
): Promise<void> {
  const leave = await approvedLeaveDuring(ctx, input);
  if (!leave) return;
  const days = leave.startDate === leave.endDate ? leave.startDate : `${leave.startDate} to ${leave.endDate}`;
  throw new AppError('CONFLICT', `this person has approved time off (${days})`, {
    errors: [{ path: input.path, message: `On approved time off (${days}).` }],
    extra: { timeOffId: leave.id },
  });
}
