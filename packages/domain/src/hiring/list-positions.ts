import { sql } from 'kysely';
import { locationsHolding, requirePermission, actingLocation, NOBODY } from '../access/index.ts';
import { type Ctx, inTransaction } from '../shared/context.ts';
import { keyset } from '../shared/cursor.ts';
import type { Position, PositionQuery } from './hiring.schemas.ts';
import { loadPosition, type PositionRow, selectPositions, toPosition } from './position-row.ts';

const keys = keyset('date', 'uuid');

/** Positions newest opened first, at the locations the caller may see: open and on hold by default, or by status; by location. */
export async function listPositions(ctx: Ctx, q: PositionQuery): Promise<{ items: Position[]; nextCursor: string | null }> {
  requirePermission(ctx, 'hiring:read');
  return inTransaction(ctx, async (tx) => {
    let query = selectPositions(tx);
    const readable = locationsHolding(tx, 'hiring:read', { selectedOnly: true });
    if (readable) query = query.where('p.location_id', 'in', readable.length ? readable : [NOBODY]);
    if (q.locationId) query = query.where('p.location_id', '=', (await actingLocation(tx, 'hiring:read', q.locationId)).id);
    if (q.status === 'active') query = query.where('p.status', 'in', ['open', 'on_hold']);
    else if (q.status !== 'all') query = query.where('p.status', '=', q.status);
    const c = keys.decode(q.cursor);
    if (c) query = query.where(sql<boolean>`(p.opened_on, p.id) < (${c[0]}::date, ${c[1]}::uuid)`);
    const rows = await query
      .orderBy('p.opened_on', 'desc')
      .orderBy('p.id', 'desc')
      .limit(q.limit + 1)
      .execute();
    const { page, nextCursor } = keys.page(rows, q.limit, (r) => [r.opened_on, r.id]);
    return { items: page.map((r) => toPosition(r as PositionRow)), nextCursor };
  });
}

export async function getPosition(ctx: Ctx, id: string): Promise<Position> {
  requirePermission(ctx, 'hiring:read');
  return inTransaction(ctx, (tx) => loadPosition(tx, id, 'hiring:read'));
}
