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

/**
 * Approved time off `t` (joined to the location `l` whose calendar counts) covers a day that the
 * span `startsAt`..`endsAt` touches: an end at midnight does not touch the next day.
 */
function coversSpan(startsAt: RawBuilder<unknown>, endsAt: RawBuilder<unknown>): RawBuilder<boolean> {
  return sql<boolean>`t.status = 'approved'
       and t.start_date <= ((${endsAt} - interval '1 microsecond') at time zone l.time_zone)::date
       and t.end_date >= (${startsAt} at time zone l.time_zone)::date`;
}

/** The id of the approved time off covering shift `s` (columns of `shifts` under alias `alias`), else null. */
export function leaveOf(alias: string): RawBuilder<string | null> {
  const s = sql.ref(alias);
  return sql<string | null>`(
    select t.id from time_off t
      join location_directory l on l.id = ${s}.location_id
     where t.organization_id = ${s}.organization_id and t.user_id = ${s}.user_id
       and ${coversSpan(sql`${s}.starts_at`, sql`${s}.ends_at`)}
     order by t.start_date, t.id
     limit 1)`;
}

/**
 * 409 naming `path` (with `timeOffId`) when `userId` has approved time off on a day that the span
 * touches at the location, as `leaveOf` reads it: putting someone on a shift there is refused, the
 * shift would be on leave from the start. (Time off approved after a shift exists marks the shift
 * instead: the manager then finds cover.)
 */
export async function refuseShiftOnLeave(
  ctx: Ctx,
  input: { userId: string; locationId: string; startsAt: Date; endsAt: Date; path: string },
): Promise<void> {
  const { rows } = await sql<{ id: string; start_date: string; end_date: string }>`
    select t.id, t.start_date::text as start_date, t.end_date::text as end_date from time_off t
      join location_directory l on l.id = ${input.locationId} and l.organization_id = t.organization_id
     where t.organization_id = ${ctx.organizationId} and t.user_id = ${input.userId}
       and ${coversSpan(sql`${input.startsAt}::timestamptz`, sql`${input.endsAt}::timestamptz`)}
     order by t.start_date, t.id
     limit 1`.execute(ctx.db);
  const leave = rows[0];
  if (!leave) return;
  const days = leave.start_date === leave.end_date ? leave.start_date : `${leave.start_date} to ${leave.end_date}`;
  throw new AppError('CONFLICT', `this person has approved time off (${days})`, {
    errors: [{ path: input.path, message: `On approved time off (${days}).` }],
    extra: { timeOffId: leave.id },
  });
}
