import { sql } from 'kysely';
import { actorUserId, type Ctx, inTransaction } from '../shared/context.ts';
import { keyset } from '../shared/cursor.ts';
import { holdsAt, readableLocation } from './rota-refs.ts';
import type { Swap, SwapQuery } from './rota.schemas.ts';
import { selectSwaps, toSwap } from './swap-row.ts';
import { requirePermission } from '../access/index.ts';

const swapKeys = keyset('instant', 'uuid');

/**
 * Swap requests, oldest first: managers see their locations' requests; everyone else sees the
 * requests they made or are asked to take.
 */
export async function listSwaps(ctx: Ctx, q: SwapQuery): Promise<{ items: Swap[]; nextCursor: string | null }> {
  requirePermission(ctx, 'rota:read');
  return inTransaction(ctx, async (tx) => {
    let query = selectSwaps(tx).where('w.status', '=', q.status);
    if (q.locationId) query = query.where('s.location_id', '=', (await readableLocation(tx, q.locationId)).id);
    const c = swapKeys.decode(q.cursor);
    if (c) query = query.where(sql<boolean>`(w.created_at, w.id) > (${c[0]}, ${c[1]}::uuid)`);
    const me = actorUserId(tx);
    // Read a bounded window and keep what the caller may see (their own, or their managed locations').
    const rows = (await query.orderBy('w.created_at').orderBy('w.id').limit(1000).execute()).filter(
      (r) => r.requested_by === me || r.to_user_id === me || holdsAt(tx, 'staff:manage', r.location_id),
    );
    const { page, nextCursor } = swapKeys.page(rows, q.limit, (r) => [r.created_at, r.id]);
    const items: Swap[] = [];
    for (const r of page) items.push(await toSwap(tx, r));
    return { items, nextCursor };
  });
}
