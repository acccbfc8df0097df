import { sql } from 'kysely';
import { requirePermission } from '../access/index.ts';
import { type Ctx, inTransaction } from '../shared/context.ts';
import { invalid } from '../shared/errors.ts';
import { builtInReasonTexts } from './adjustment-reasons.ts';
import type { AdjustmentReason, AdjustmentReasonQuery } from './adjustment-reasons.schemas.ts';

/**
 * The reason texts shown for codes: the office's imported rows plus the built-in short texts it
 * has not overridden, by code set then code (byte order), keyset paged; `q` matches part of a
 * code or description. The built-in texts join the query as a small array (about 45 rows).
 */
export async function listAdjustmentReasons(
  ctx: Ctx,
  q: AdjustmentReasonQuery,
): Promise<{ items: AdjustmentReason[]; nextCursor: string | null }> {
  requirePermission(ctx, 'claim:read');
  let after: [string, string] | null = null;
  if (q.cursor) {
    const [set, code] = Buffer.from(q.cursor, 'base64url').toString('utf8').split('|');
    if (!set || !code) throw invalid('cursor', 'not a cursor from this list');
    after = [set, code];
  }
  const builtIn = builtInReasonTexts();
  const like = q.q ? `%${q.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%` : null;
  return inTransaction(ctx, async (tx) => {
    const { rows } = await sql<{
      code_set: AdjustmentReason['codeSet'];
      code: string;
      description: string;
      source: AdjustmentReason['source'];
    }>`
      with shown as (
        select code_set, code, description, 'office' as source
          from adjustment_reason_texts where organization_id = ${tx.organizationId}
        union all
        select b.s, b.c, b.d, 'built-in'
          from unnest(${builtIn.map((b) => b[0])}::text[], ${builtIn.map((b) => b[1])}::text[], ${builtIn.map((b) => b[2])}::text[]) as b (s, c, d)
         where not exists (
           select 1 from adjustment_reason_texts o
            where o.organization_id = ${tx.organizationId} and o.code_set = b.s and o.code = b.c)
      )
      select code_set, code, description, source from shown
       where (${q.codeSet ?? null}::text is null or code_set = ${q.codeSet ?? null})
         and (${like}::text is null or code ilike ${like} or description ilike ${like})
         and (${after?.[0] ?? null}::text is null or (code_set collate "C", code collate "C") > (${after?.[0] ?? null}::text collate "C", ${after?.[1] ?? null}::text collate "C"))
       order by code_set collate "C", code collate "C"
       limit ${q.limit + 1}`.execute(tx.db);
    const page = rows.slice(0, q.limit);
    const last = page[page.length - 1];
    return {
      items: page.map((r) => ({ codeSet: r.code_set, code: r.code, description: r.description, source: r.source })),
      nextCursor: rows.length > q.limit && last ? Buffer.from(`${last.code_set}|${last.code}`).toString('base64url') : null,
    };
  });
}
