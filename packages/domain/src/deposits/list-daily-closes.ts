import { type Ctx, inTransaction } from '../shared/context.ts';
import { publicClose, selectCloses } from './day-summary.ts';
import type { DailyClose } from './deposits.schemas.ts';
import { requireAtLocation } from './location-scope.ts';

/** A location's closes, newest day first (keyset on the day), optionally between two days. */
export async function listDailyCloses(
  ctx: Ctx,
  q: { locationId: string; from?: string | undefined; to?: string | undefined; limit: number; cursor?: string | undefined },
): Promise<{ items: DailyClose[]; nextCursor: string | null }> {
  return inTransaction(ctx, async (tx) => {
    await requireAtLocation(tx, 'day:read', q.locationId);
    let query = selectCloses(tx)
      .where('c.location_id', '=', q.locationId)
      .orderBy('c.close_date', 'desc')
      .limit(q.limit + 1);
    if (q.from) query = query.where('c.close_date', '>=', q.from);
    if (q.to) query = query.where('c.close_date', '<=', q.to);
    if (q.cursor) query = query.where('c.close_date', '<', q.cursor);
    const rows = await query.execute();
    const page = rows.slice(0, q.limit);
    return {
      items: page.map(publicClose),
      nextCursor: rows.length > q.limit ? (page[page.length - 1]?.close_date ?? null) : null,
    };
  });
}
