import { PREFIX_KEY_LENGTH, referenceWords } from '@db/reference-keys.ts';
import { sql } from 'kysely';
import type { Ctx } from '../shared/context.ts';

/**
 * Bounds of a word search over a code set (every search does bounded work whatever it asks):
 * at most `tokens` words of the query count; a typed word longer than the prefix keys expands
 * into at most `expansion` vocabulary words it begins, else it is matched by its first letters'
 * key and rechecked. ICD-10-CM rows are read in search order: the first `headRanks` ranks
 * through the rank index (a common word, even one letter, fills the page there), then, only if
 * the page is not full, the rest through the GIN keys in physical order, which is search order
 * too (packages/db/src/reference-data.ts loads them so); both stop at the page's `limit`.
 */
export const WORD_SEARCH_BOUNDS = { tokens: 8, expansion: 64, headRanks: 500 } as const;

/** One typed word: rows match when their keys share one of `keys` (and, if set, a word begins with `recheck`). */
export interface WordTerm {
  keys: string[];
  recheck: string | null;
}

/**
 * Expansions of typed words already looked up, in this process (most recently used last). The
 * vocabulary changes only when a new code-set release is loaded, which happens while migrating,
 * before the server serves; a process that outlives a reload (the CLI loading beside a running
 * server) keeps at most EXPANSION_CACHE_SIZE stale expansions until it restarts.
 */
const expansionCache = new Map<string, string[]>();
const EXPANSION_CACHE_SIZE = 5000;

function remember(key: string, words: string[]): void {
  expansionCache.delete(key);
  expansionCache.set(key, words);
  if (expansionCache.size > EXPANSION_CACHE_SIZE) expansionCache.delete(expansionCache.keys().next().value as string);
}

/**
 * The typed words of `q` as key sets, or null when a word begins no word of the code set (nothing
 * can match). At most one round trip, for the long words not expanded before.
 */
export async function wordTerms(ctx: Ctx, codeSet: 'icd10cm' | 'hcpcs', q: string): Promise<WordTerm[] | null> {
  const tokens = referenceWords(q).slice(0, WORD_SEARCH_BOUNDS.tokens);
  const long = tokens.filter((t) => t.length > PREFIX_KEY_LENGTH);
  const expansions = new Map<string, string[]>();
  const missing: string[] = [];
  for (const t of long) {
    const known = expansionCache.get(`${codeSet}:${t}`);
    if (known) {
      expansions.set(t, known);
      remember(`${codeSet}:${t}`, known);
    } else missing.push(t);
  }
  if (missing.length) {
    for (const t of missing) expansions.set(t, []);
    const rows = await sql<{ token: string; word: string }>`
      select t.token, w.word
        from unnest(${missing}::text[]) t(token)
        cross join lateral (
          select word from reference_words
           where code_set = ${codeSet} and word >= t.token and word < t.token || chr(1114111)
           order by word limit ${WORD_SEARCH_BOUNDS.expansion + 1}) w`.execute(ctx.db);
    for (const r of rows.rows) expansions.get(r.token)?.push(r.word);
    for (const t of missing) remember(`${codeSet}:${t}`, expansions.get(t) ?? []);
  }
  const terms: WordTerm[] = [];
  for (const t of tokens) {
    if (t.length <= PREFIX_KEY_LENGTH) {
      terms.push({ keys: [`^${t}`], recheck: null });
      continue;
    }
    const words = expansions.get(t) ?? [];
    if (!words.length) return null;
    terms.push(
      words.length > WORD_SEARCH_BOUNDS.expansion
        ? { keys: [`^${t.slice(0, PREFIX_KEY_LENGTH)}`], recheck: t }
        : { keys: words, recheck: null },
    );
  }
  return terms;
}

/** The terms as one condition on `search_keys` (each term: share a key; GIN answers all at once). */
export function termsCondition(terms: readonly WordTerm[]) {
  return sql.join(
    terms.map((t) =>
      t.recheck
        ? sql`search_keys && ${t.keys}::text[] and exists (select 1 from unnest(search_keys) k where starts_with(k, ${t.recheck}))`
        : sql`search_keys && ${t.keys}::text[]`,
    ),
    sql` and `,
  );
}

/**
 * For the rest of the transaction: no sequential scans, no parallel workers. The GIN index is
 * read first and the table in physical (search) order, so the limit stops the scan at the best
 * matches; no plan bets on a sequential walk meeting enough matches early (as patients' search).
 * `bitmapOnly` also turns plain index scans off (a search with no rank index to walk).
 */
export async function boundCodeScans(ctx: Ctx, opts: { bitmapOnly: boolean }): Promise<void> {
  await sql`select set_config('enable_seqscan', 'off', true), set_config('enable_indexscan', ${opts.bitmapOnly ? 'off' : 'on'}, true),
                   set_config('max_parallel_workers_per_gather', '0', true)`.execute(ctx.db);
}
