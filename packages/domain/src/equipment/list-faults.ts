import { sql } from 'kysely';
import { requirePermission, actingLocation, NOBODY, locationsHolding } from '../access/index.ts';
import { listAppointments } from '../scheduling/index.ts';
import { type Ctx, inTransaction } from '../shared/context.ts';
import { keyset } from '../shared/cursor.ts';
import { loadFault, selectFaults, toFault } from './equipment-row.ts';
import type { Fault, FaultDetail, FaultQuery } from './equipment.schemas.ts';

const keys = keyset('instant', 'uuid');
const AFFECTED_LIMIT = 100;
const YEAR_MS = 366 * 24 * 3_600_000;

/** Fault tickets, newest first: open ones by default, by location, equipment, out of service. */
export async function listFaults(ctx: Ctx, q: FaultQuery): Promise<{ items: Fault[]; nextCursor: string | null }> {
  requirePermission(ctx, 'equipment:read');
  return inTransaction(ctx, async (tx) => {
    let query = selectFaults(tx);
    const readable = locationsHolding(tx, 'equipment:read');
    if (readable) query = query.where('f.location_id', 'in', readable.length ? readable : [NOBODY]);
    if (q.locationId) query = query.where('f.location_id', '=', (await actingLocation(tx, 'equipment:read', q.locationId)).id);
    if (q.equipmentId) query = query.where('f.equipment_id', '=', q.equipmentId);
    if (q.status === 'open') query = query.where('f.status', '<>', 'resolved');
    if (q.status === 'resolved') query = query.where('f.status', '=', 'resolved');
    if (q.outOfService !== undefined) query = query.where('f.out_of_service', '=', q.outOfService);
    const c = keys.decode(q.cursor);
    if (c) query = query.where(sql<boolean>`(f.created_at, f.id) < (${c[0]}, ${c[1]}::uuid)`);
    const rows = await query
      .orderBy('f.created_at', 'desc')
      .orderBy('f.id', 'desc')
      .limit(q.limit + 1)
      .execute();
    const { page, nextCursor } = keys.page(rows, q.limit, (r) => [new Date(r.created_at), r.id]);
    return { items: page.map(toFault), nextCursor };
  });
}

/**
 * One fault; while it holds its room out of service, with the visits already booked there from
 * now on (scheduling's list, audited there: it names patients), to move or open in the schedule.
 */
export async function getFault(ctx: Ctx, id: string): Promise<FaultDetail> {
  requirePermission(ctx, 'equipment:read');
  return inTransaction(ctx, async (tx) => {
    const fault = await loadFault(tx, id, 'equipment:read');
    if (!fault.roomId || !fault.outOfService || fault.status === 'resolved')
      return { ...fault, affectedAppointments: [], affectedTruncated: false };
    const now = tx.clock.now();
    const page = await listAppointments(tx, {
      from: now,
      to: new Date(now.getTime() + YEAR_MS),
      roomIds: [fault.roomId],
      statuses: ['scheduled', 'confirmed'],
      limit: AFFECTED_LIMIT,
    });
    return { ...fault, affectedAppointments: page.items, affectedTruncated: page.nextCursor !== null };
  });
}
