import { requirePermission } from '../access/index.ts';
import { keyset } from '../shared/cursor.ts';
import type { Ctx } from '../shared/context.ts';
import { selectBatches, toBatch } from './batch-row.ts';
import type { ClaimBatch, ClaimBatchQuery } from './claims.schemas.ts';

const newestFirst = keyset('instant', 'uuid');

/** Batches, newest first (counts and totals only: no patient data, so no audit row). */
export async function listClaimBatches(ctx: Ctx, q: ClaimBatchQuery): Promise<{ items: ClaimBatch[]; nextCursor: string | null }> {
  requirePermission(ctx, 'claim:read');
  let query = selectBatches(ctx)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(q.limit + 1);
  const cursor = newestFirst.decode(q.cursor);
  if (cursor)
    query = query.where((eb) =>
      eb.or([eb('created_at', '<', cursor[0]), eb.and([eb('created_at', '=', cursor[0]), eb('id', '<', cursor[1])])]),
    );
  const { page, nextCursor } = newestFirst.page(await query.execute(), q.limit, (r) => [r.created_at, r.id]);
  return { items: page.map(toBatch), nextCursor };
}
