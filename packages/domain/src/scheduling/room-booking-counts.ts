import { sql } from 'kysely';
import type { Ctx } from '../shared/context.ts';
import { ACTIVE_STATUSES } from './schedule-snapshot.ts';

/**
 * How many active visits are booked in (or hold) each of `roomIds` from `from` on: for
 * another module's summary (equipment's out-of-service rooms). No patient data.
 */
export async function roomBookingCounts(ctx: Ctx, roomIds: readonly string[], from: Date): Promise<Map<string, number>> {
  if (roomIds.length === 0) return new Map();
  const { rows } = await sql<{ room_id: string; n: number }>`
    select r.room_id, count(a.id)::int as n
      from unnest(${[...new Set(roomIds)]}::uuid[]) as r(room_id)
      join appointments a on a.organization_id = ${ctx.organizationId}::uuid
                         and coalesce(a.room_id, a.reserved_room_id) = r.room_id
                         and a.starts_at >= ${from}::timestamptz
                         and a.status in (${sql.join([...ACTIVE_STATUSES])})
     group by r.room_id`.execute(ctx.db);
  return new Map(rows.map((r) => [r.room_id, Number(r.n)]));
}
