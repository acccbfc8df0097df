/**
 * The reaction to scheduling's `availability.constraints`: the rooms a search may pick that
 * an open out-of-service fault holds, by the booking guard's rule (booking-guard.ts): blocked
 * for any time until the fault is resolved. One query for the whole search.
 */
import type { AvailabilityBlocks, AvailabilityConstraintQuery } from '../scheduling/index.ts';
import type { Ctx } from '../shared/context.ts';

export async function outOfServiceRoomBlocks(ctx: Ctx, q: AvailabilityConstraintQuery): Promise<AvailabilityBlocks | undefined> {
  if (q.roomIds.length === 0) return undefined;
  const rows = await ctx.db
    .selectFrom('equipment_faults')
    .select('room_id')
    .distinct()
    .where('organization_id', '=', ctx.organizationId)
    .where('room_id', 'in', q.roomIds)
    .where('out_of_service', '=', true)
    .where('status', '<>', 'resolved')
    .execute();
  const rooms = rows.flatMap((r) => (r.room_id ? [{ roomId: r.room_id, from: null, to: null }] : []));
  return rooms.length ? { rooms } : undefined;
}
