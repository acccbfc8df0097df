import { sql } from 'kysely';
import { addDays, localToEpochMs } from '../scheduling/index.ts';
import { type Ctx, inTransaction } from '../shared/context.ts';
import { keyset } from '../shared/cursor.ts';
import { notFound } from '../shared/errors.ts';
import { daysOf, readableLocation, rotaLocation } from './rota-refs.ts';
import type { Shift, ShiftQuery } from './rota.schemas.ts';
import { selectShifts, toShift } from './shift-row.ts';
import { recordAudit } from '../audit/index.ts';

const shiftKeys = keyset('instant', 'uuid');

/** A location's shifts starting on the days asked (at the location), by start. Everyone may read the rota. */
export async function listShifts(ctx: Ctx, q: ShiftQuery): Promise<{ items: Shift[]; nextCursor: string | null }> {
  return inTransaction(ctx, async (tx) => {
    const loc = await readableLocation(tx, q.locationId);
    daysOf(q.from, q.to);
    const from = new Date(localToEpochMs(loc.zone, q.from, '00:00'));
    const to = new Date(localToEpochMs(loc.zone, addDays(q.to, 1), '00:00'));
    let query = selectShifts(tx).where('s.location_id', '=', loc.id).where('s.starts_at', '>=', from).where('s.starts_at', '<', to);
    if (q.userId) query = query.where('s.user_id', '=', q.userId);
    const c = shiftKeys.decode(q.cursor);
    if (c) query = query.where(sql<boolean>`(s.starts_at, s.id) > (${c[0]}, ${c[1]}::uuid)`);
    const rows = await query
      .orderBy('s.starts_at')
      .orderBy('s.id')
      .limit(q.limit + 1)
      .execute();
    const { page, nextCursor } = shiftKeys.page(rows, q.limit, (r) => [r.starts_at, r.id]);
    return { items: page.map(toShift), nextCursor };
  });
}

/** Take a shift off the rota (`staff:manage` at its location); an open swap request of it goes with it. */
export async function deleteShift(ctx: Ctx, id: string): Promise<void> {
  await inTransaction(ctx, async (tx) => {
    const row = await tx.db
      .selectFrom('shifts')
      .select(['id', 'location_id', 'user_id'])
      .where('organization_id', '=', tx.organizationId)
      .where('id', '=', id)
      .forUpdate()
      .executeTakeFirst();
    if (!row) throw notFound('shift');
    await rotaLocation(tx, 'staff:manage', row.location_id, null);
    await tx.db.deleteFrom('shifts').where('id', '=', id).execute();
    await recordAudit(tx, { action: 'delete', resourceType: 'shift', resourceId: id, details: { userId: row.user_id } });
  });
}
