import { requirePermission, NOBODY, locationsHolding } from '../access/index.ts';
import { roomBookingCounts } from '../scheduling/index.ts';
import type { Ctx } from '../shared/context.ts';
import type { OutOfService } from './equipment.schemas.ts';

/**
 * For the manager's dashboard: open out-of-service faults (at `locationId`, else every location
 * the caller may see), each with its room and how many visits are booked there from now on.
 * The counts come from scheduling's `roomBookingCounts`.
 */
export async function equipmentOutOfService(ctx: Ctx, locationId?: string | null): Promise<OutOfService[]> {
  requirePermission(ctx, 'equipment:read');
  let q = ctx.db
    .selectFrom('equipment_faults as f')
    .innerJoin('equipment as e', 'e.id', 'f.equipment_id')
    .leftJoin('room_directory as r', 'r.id', 'f.room_id')
    .select(['f.id', 'e.name', 'f.room_id', 'r.name as room_name', 'f.location_id', 'f.severity', 'f.created_at'])
    .where('f.organization_id', '=', ctx.organizationId)
    .where('f.out_of_service', '=', true)
    .where('f.status', '<>', 'resolved');
  const readable = locationsHolding(ctx, 'equipment:read');
  if (readable) q = q.where('f.location_id', 'in', readable.length ? readable : [NOBODY]);
  if (locationId) q = q.where('f.location_id', '=', locationId);
  const rows = await q.orderBy('f.created_at').limit(200).execute();
  const counts = await roomBookingCounts(
    ctx,
    rows.map((r) => r.room_id).filter((id): id is string => id !== null),
    ctx.clock.now(),
  );
  return rows.map((r) => ({
    faultId: r.id,
    equipmentName: r.name,
    roomId: r.room_id,
    roomName: r.room_name,
    locationId: r.location_id,
    severity: r.severity,
    since: new Date(r.created_at).toISOString(),
    affectedAppointments: r.room_id ? (counts.get(r.room_id) ?? 0) : 0,
  }));
}
