import { type RawBuilder, sql } from 'kysely';
import { requirePermission } from '../access/index.ts';
import { type Ctx, inTransaction } from '../shared/context.ts';
import { icd10KeyPrefix } from './code-shapes.ts';
import type { Icd10Code } from './find-icd10-codes.ts';
import { icd10Index } from './icd10-index.ts';
import { boundCodeScans, termsCondition, WORD_SEARCH_BOUNDS, type WordTerm, wordTerms } from './word-terms.ts';

/** Longest ICD-10-CM code without its dot. */
const MAX_CODE_LENGTH = 7;

/**
 * ICD-10-CM search as you type: by code (any case, with or without the dot: `e119`, `E11.9`,
 * `E11`) or by words (`diabetes type 2`: every word, by prefix, any order). Codes rank exact
 * first, then by prefix, shorter (more general) first, then by code. Words rank billable codes
 * before headings, then shorter first, then by code. Bounded work: by code, one index range per
 * code length, each stopping at `limit`; by words, in rank order (`search_rank`), the first ranks
 * through their index, then the rest by GIN keys, stopping after `limit` matches (word-terms.ts):
 * `q=a` reads about 50 rows of the 41,000 that match. Reference data: not audited.
 * Served from the process's in-memory index once it is built (icd10-index.ts: the same answers,
 * no round trip); from the database before that.
 */
export async function searchIcd10(ctx: Ctx, input: { q: string; limit: number; billableOnly?: boolean | undefined }): Promise<Icd10Code[]> {
  requirePermission(ctx, 'org:read');
  const index = icd10Index();
  if (index) return index.search(input.q, input.limit, input.billableOnly ?? false);
  return searchIcd10InDatabase(ctx, input);
}

/** The database search (before the index is built, and what the index is checked against). */
export async function searchIcd10InDatabase(
  ctx: Ctx,
  input: { q: string; limit: number; billableOnly?: boolean | undefined },
): Promise<Icd10Code[]> {
  const q = input.q.trim();
  if (!q) return [];
  const billable = input.billableOnly ? sql`and billable` : sql``;
  const prefix = icd10KeyPrefix(q);
  if (prefix) {
    const lengths = Array.from({ length: MAX_CODE_LENGTH - Math.max(3, prefix.length) + 1 }, (_, i) => Math.max(3, prefix.length) + i);
    const branches = lengths.map(
      (n) => sql`(select code, code_length, description, billable from icd10cm_codes
                   where code_length = ${n} and code_key >= ${prefix} and code_key < ${`${prefix}~`} ${billable}
                   order by code_key limit ${input.limit})`,
    );
    const rows = await sql<Icd10Code>`
      select code, description, billable from (${sql.join(branches, sql` union all `)}) c
       order by code_length, code limit ${input.limit}`.execute(ctx.db);
    // A word that looks like the start of a code (`b12`) but begins none is searched as a word.
    if (rows.rows.length) return rows.rows;
  }
  return inTransaction(ctx, async (tx) => {
    const terms = await wordTerms(tx, 'icd10cm', q);
    if (!terms?.length) return [];
    await boundCodeScans(tx, { bitmapOnly: false });
    return (await icd10WordPage(terms, input.limit, input.billableOnly ?? false).execute(tx.db)).rows;
  });
}

/**
 * One page of a word search, in search order. Two tiers under one limit: the first ranks, walked
 * by the rank index and filtered row by row (at most WORD_SEARCH_BOUNDS.headRanks rows, fewer
 * when the page fills: a one-letter word fills it within a few dozen), then, only when those did
 * not fill the page, the others by their GIN keys (`search_rank + 0` keeps the rank index out of
 * that tier), in physical order, which is search order. The head is a CTE so that its filter can
 * never become a GIN bitmap over a whole common key. Run after boundCodeScans; exported for the
 * tests that read its plan. Prepared like other statements: its shape, not the keys' frequencies,
 * decides the plan (the head is walked by rank, the rest is a GIN bitmap), so a generic plan holds.
 */
export function icd10WordPage(terms: readonly WordTerm[], limit: number, billableOnly: boolean): RawBuilder<Icd10Code> {
  const match = termsCondition(terms);
  const billable = billableOnly ? sql`and billable` : sql``;
  const head = WORD_SEARCH_BOUNDS.headRanks;
  return sql<Icd10Code>`
    with head as materialized (
      select code, description, billable, search_rank, search_keys from icd10cm_codes
       where search_rank <= ${head} order by search_rank
    ), found as materialized (
      select * from (
        (select code, description, billable, search_rank from head where ${match} ${billable} limit ${limit})
        union all
        (select code, description, billable, search_rank from icd10cm_codes
          where search_rank + 0 > ${head} and ${match} ${billable}
          limit ${limit})
      ) c limit ${limit}
    )
    select code, description, billable from found order by search_rank`;
}
