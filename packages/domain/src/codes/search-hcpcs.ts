import { sql } from 'kysely';
import { requirePermission } from '../access/index.ts';
import { type Ctx, inTransaction } from '../shared/context.ts';
import { hcpcsKeyPrefix } from './code-shapes.ts';
import type { HcpcsCode } from './codes.schemas.ts';
import { boundCodeScans, termsCondition, wordTerms } from './word-terms.ts';

/**
 * HCPCS Level II procedure codes in effect (not terminated), as you type: by code prefix
 * (`g04`, `J1`) in code order, or by words (every word, by prefix, any order) ranked by code.
 * Bounded like the ICD-10-CM search (search-icd10.ts). Reference data: not audited.
 */
export async function searchHcpcs(ctx: Ctx, input: { q: string; limit: number }): Promise<HcpcsCode[]> {
  requirePermission(ctx, 'org:read');
  const q = input.q.trim();
  if (!q) return [];
  const today = ctx.clock.now().toISOString().slice(0, 10);
  const inEffect = sql`kind = 'procedure' and (terminated_on is null or terminated_on > ${today}::date)`;
  const prefix = hcpcsKeyPrefix(q);
  if (prefix) {
    const rows = await sql<HcpcsCode>`
      select code, long_description as description, short_description as "shortDescription" from hcpcs_codes
       where code >= ${prefix} and code < ${`${prefix}~`} and ${inEffect}
       order by code limit ${input.limit}`.execute(ctx.db);
    if (rows.rows.length) return rows.rows;
  }
  return inTransaction(ctx, async (tx) => {
    const terms = await wordTerms(tx, 'hcpcs', q);
    if (!terms?.length) return [];
    await boundCodeScans(tx, { bitmapOnly: true });
    const rows = await sql<HcpcsCode>`/* unprepared */
      with found as materialized (
        select code, long_description, short_description from hcpcs_codes
         where ${termsCondition(terms)} and ${inEffect}
         limit ${input.limit}
      )
      select code, long_description as description, short_description as "shortDescription" from found
       order by code limit ${input.limit}`.execute(tx.db);
    return rows.rows;
  });
}
