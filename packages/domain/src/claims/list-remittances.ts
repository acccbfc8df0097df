import { requirePermission } from '../access/index.ts';
import type { Ctx } from '../shared/context.ts';
import { invalid } from '../shared/errors.ts';
import { selectRemittances, toRemittanceSummary } from './remittance-row.ts';
import type { RemittanceQuery, RemittanceSummary } from './remittance.schemas.ts';

/** Imported 835 files, newest first (counts and totals only: no patient data, so no audit row). */
export async function listRemittances(ctx: Ctx, q: RemittanceQuery): Promise<{ items: RemittanceSummary[]; nextCursor: string | null }> {
  requirePermission(ctx, 'claim:read');
  let query = selectRemittances(ctx)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(q.limit + 1);
  if (q.cursor) {
    const [at, id] = Buffer.from(q.cursor, 'base64url').toString('utf8').split('|');
    const when = new Date(at ?? '');
    if (!id || !/^[0-9a-f-]{36}$/i.test(id) || Number.isNaN(when.getTime())) throw invalid('cursor', 'not a cursor from this list');
    query = query.where((eb) => eb.or([eb('created_at', '<', when), eb.and([eb('created_at', '=', when), eb('id', '<', id)])]));
  }
  const rows = await query.execute();
  const page = rows.slice(0, q.limit);
  const last = page[page.length - 1];
  return {
    items: page.map(toRemittanceSummary),
    nextCursor: rows.length > q.limit && last ? Buffer.from(`${last.created_at.toISOString()}|${last.id}`).toString('base64url') : null,
  };
}
