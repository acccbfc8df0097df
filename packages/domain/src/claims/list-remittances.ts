import { requirePermission } from '../access/index.ts';
import { keyset } from '../shared/cursor.ts';
import type { Ctx } from '../shared/context.ts';
import { selectRemittances, toRemittanceSummary } from './remittance-row.ts';
import type { RemittanceQuery, RemittanceSummary } from './remittance.schemas.ts';

const newestFirst = keyset('instant', 'uuid');

/** Imported 835 files, newest first (counts and totals only: no patient data, so no audit row). */
export async function listRemittances(ctx: Ctx, q: RemittanceQuery): Promise<{ items: RemittanceSummary[]; nextCursor: string | null }> {
  requirePermission(ctx, 'claim:read');
  let query = selectRemittances(ctx)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(q.limit + 1);
  const cursor = newestFirst.decode(q.cursor);
  if (cursor)
    query = query.where((eb) =>
      eb.or([eb('created_at', '<', cursor[0]), eb.and([eb('created_at', '=', cursor[0]), eb('id', '<', cursor[1])])]),
    );
  const { page, nextCursor } = newestFirst.page(await query.execute(), q.limit, (r) => [r.created_at, r.id]);
  return { items: page.map(toRemittanceSummary), nextCursor };
}
