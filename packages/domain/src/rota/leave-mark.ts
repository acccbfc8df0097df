/**
 * Shifts on leave, computed when read (nothing is copied): a shift is on leave while its
 * person has approved time off covering a day the shift touches on its location's calendar
 * (time off is whole days, inclusive). Approving marks the person's shifts of those days;
 * cancelling or denying it lifts the mark at the next read. The shift lists answer the time
 * off's id, and coverage counts a shift on leave as nobody on.
 */
import { type RawBuilder, sql } from 'kysely';

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
