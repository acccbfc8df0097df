import { sql } from 'kysely';
import { requirePermission, actingLocation, NOBODY, locationsHolding } from '../access/index.ts';
import { type Ctx, inTransaction } from '../shared/context.ts';
import { keyset } from '../shared/cursor.ts';
import { loadEquipment, selectEquipment, toEquipment } from './equipment-row.ts';
import type { Equipment, EquipmentQuery } from './equipment.schemas.ts';

const keys = keyset('text', 'uuid');

/** The inventory by name, at the locations the caller may see; by location, room, or service due within some days. */
export async function listEquipment(ctx: Ctx, q: EquipmentQuery): Promise<{ items: Equipment[]; nextCursor: string | null }> {
  requirePermission(ctx, 'equipment:read');
  return inTransaction(ctx, async (tx) => {
    let query = selectEquipment(tx);
    const readable = locationsHolding(tx, 'equipment:read');
    if (readable) query = query.where('e.location_id', 'in', readable.length ? readable : [NOBODY]);
    if (q.locationId) query = query.where('e.location_id', '=', (await actingLocation(tx, 'equipment:read', q.locationId)).id);
    if (q.roomId) query = query.where('e.room_id', '=', q.roomId);
    if (!q.includeInactive) query = query.where('e.active', '=', true);
    if (q.serviceDueWithinDays !== undefined)
      query = query.where(
        sql<boolean>`e.service_due_on <= (${tx.clock.now()}::timestamptz at time zone l.time_zone)::date + ${q.serviceDueWithinDays}::int`,
      );
    const c = keys.decode(q.cursor);
    if (c) query = query.where(sql<boolean>`(e.name, e.id) > (${c[0]}::text, ${c[1]}::uuid)`);
    const rows = await query
      .orderBy('e.name')
      .orderBy('e.id')
      .limit(q.limit + 1)
      .execute();
    const { page, nextCursor } = keys.page(rows, q.limit, (r) => [r.name, r.id]);
    return { items: page.map(toEquipment), nextCursor };
  });
}

export async function getEquipment(ctx: Ctx, id: string): Promise<Equipment> {
  requirePermission(ctx, 'equipment:read');
  return inTransaction(ctx, (tx) => loadEquipment(tx, id, 'equipment:read'));
}
