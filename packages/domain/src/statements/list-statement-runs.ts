import { requirePermission } from '../access/index.ts';
import { type Ctx, inTransaction } from '../shared/context.ts';
import { invalid } from '../shared/errors.ts';
import { publicRun } from './statement-rows.ts';
import type { StatementRun } from './statements.schemas.ts';

/** Statement runs, newest first (no patient data: counts and totals). */
export async function listStatementRuns(
  ctx: Ctx,
  q: { limit: number; cursor?: string | undefined },
): Promise<{ items: StatementRun[]; nextCursor: string | null }> {
  requirePermission(ctx, 'account:read');
  return inTransaction(ctx, async (tx) => {
    let query = tx.db
      .selectFrom('statement_runs')
      .selectAll()
      .where('organization_id', '=', tx.organizationId)
      .orderBy('created_at', 'desc')
      .orderBy('id', 'desc')
      .limit(q.limit + 1);
    if (q.cursor) {
      const [at, id] = Buffer.from(q.cursor, 'base64url').toString('utf8').split('|');
      if (!at || !id || Number.isNaN(Date.parse(at)) || !/^[0-9a-f-]{36}$/i.test(id))
        throw invalid('cursor', 'not a cursor from this list');
      const when = new Date(at);
      query = query.where((eb) => eb.or([eb('created_at', '<', when), eb.and([eb('created_at', '=', when), eb('id', '<', id)])]));
    }
    const rows = await query.execute();
    const page = rows.slice(0, q.limit);
    const last = page[page.length - 1];
    return {
      items: page.map(publicRun),
      nextCursor: rows.length > q.limit && last ? Buffer.from(`${last.created_at.toISOString()}|${last.id}`).toString('base64url') : null,
    };
  });
}
