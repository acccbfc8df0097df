import damerauLevenshtein from 'damerau-levenshtein';
import { sql } from 'kysely';
import type { Ctx } from '../shared/context.ts';

/**
 * What one typed name token stands for, as keys of `patients.name_keys` (migration 0033):
 * the keys of the words it begins, and, when asked, the words it is probably a misspelling
 * of, from this organization's vocabulary of name words.
 */
export interface NameExpansion {
  token: string;
  /** A token of up to 4 letters is one key, '^' + token; a longer one, the vocabulary words it begins. */
  prefixKeys: string[];
  /** Misspellings one edit away (a swapped pair of letters is one edit). */
  nearTypos: string[];
  /** Misspellings two edits away, or sound-alikes one edit past the budget. */
  farTypos: string[];
}

/**
 * Edits a typo may have, by token length (the "AUTO" rule of search engines): none up to
 * 2 letters, 1 up to 5, then 2. A sound-alike (same Double Metaphone) may have one more.
 */
export function typoBudget(token: string): number {
  return token.length <= 2 ? 0 : token.length <= 5 ? 1 : 2;
}

/**
 * A prefix longer than 4 letters is a btree range over the vocabulary. Typo candidates are
 * the words that sound alike (Double Metaphone) or share the first two letters and nearly
 * the length, then, for a token none of those explain, the pg_trgm-similar words (`%`: a
 * misspelt first letter); each is then
 * kept if its Damerau-Levenshtein distance (transpositions count once, which Levenshtein
 * and trigrams both miss in short names) is within the budget above.
 */
export async function expandNameTerms(
  ctx: Ctx,
  tokens: string[],
  typos: boolean,
  /** This search's prefix-only expansion, when it has one: only the typo candidates are then looked up. */
  known?: NameExpansion[],
): Promise<NameExpansion[]> {
  if (!tokens.length) return [];
  const long = tokens.some((t) => t.length > 4);
  let found: NameExpansion[];
  if (known) found = known;
  else if (!long && !typos) return tokens.map((token) => ({ token, prefixKeys: [`^${token}`], nearTypos: [], farTypos: [] }));
  else found = await lookUp(ctx, tokens, { prefixes: true, typos, trigrams: false });
  if (!typos) return found;
  if (known) found = merge(found, await lookUp(ctx, tokens, { prefixes: false, typos: true, trigrams: false }));
  // Trigram neighbours cost more to find (a common trigram such as "son" is in thousands of
  // words), so they are looked up only for the tokens the cheaper candidates did not explain.
  const unexplained = found.filter((e) => typoBudget(e.token) > 0 && !e.nearTypos.length && !e.farTypos.length).map((e) => e.token);
  if (!unexplained.length) return found;
  return merge(found, await lookUp(ctx, unexplained, { prefixes: false, typos: true, trigrams: true }));
}

/** `found` with the typo candidates of `more` (by token). */
function merge(found: NameExpansion[], more: NameExpansion[]): NameExpansion[] {
  const byToken = new Map(more.map((e) => [e.token, e]));
  return found.map((e) => {
    const m = byToken.get(e.token);
    return m ? { ...e, nearTypos: m.nearTypos, farTypos: m.farTypos } : e;
  });
}

async function lookUp(
  ctx: Ctx,
  tokens: string[],
  { prefixes, typos, trigrams }: { prefixes: boolean; typos: boolean; trigrams: boolean },
): Promise<NameExpansion[]> {
  const budgets = tokens.map(typoBudget);
  // Unprepared (packages/db/src/pool.ts): a generic plan cannot see which index a token suits.
  const rows = await sql<{ token: string; prefix_of: string[]; candidates: { w: string; alike: boolean }[] }>`/* unprepared */
    select t.n as token, x.prefix_of, y.candidates
      from unnest(${sql.val(tokens)}::text[], ${sql.val(budgets)}::int[]) with ordinality as t(n, budget, i)
     cross join lateral (
       select coalesce(array_agg(v.word), '{}') as prefix_of
         from patient_name_words_scoped v
        where ${prefixes} and length(t.n) > 4 and v.organization_id = ${ctx.organizationId}
          and v.word >= (t.n collate "C") and v.word < ((t.n || '{') collate "C")
     ) x
     cross join lateral (
       select coalesce(json_agg(json_build_object('w', c.word, 'alike', c.alike)), '[]') as candidates
         from (
           select v.word, (m.sound <> '' and v.sound = m.sound) as alike
             from (select dmetaphone(t.n) as sound) m, patient_name_words_scoped v
            where ${typos} and t.budget > 0
              and v.organization_id = ${ctx.organizationId}
              and ((v.sound <> '' and v.sound = m.sound)
                   or (${trigrams} and v.word % t.n)
                   or (left(v.word, 2) = (left(t.n, 2) collate "C") and length(v.word) between length(t.n) - 1 and length(t.n) + 1))
              and not (v.word >= (t.n collate "C") and v.word < ((t.n || '{') collate "C"))
         ) c
        -- A swapped pair is two Levenshtein edits and one Damerau edit; the exact check is below.
        where levenshtein_less_equal(c.word, t.n, 2 * t.budget + 2) <= 2 * t.budget + (case when c.alike then 2 else 0 end)
     ) y
     order by t.i`.execute(ctx.db);
  return rows.rows.map((r) => {
    const budget = typoBudget(r.token);
    const nearTypos: string[] = [];
    const farTypos: string[] = [];
    for (const c of r.candidates) {
      const d = damerauLevenshtein(c.w, r.token).steps;
      if (d > budget + (c.alike ? 1 : 0)) continue;
      (d <= 1 ? nearTypos : farTypos).push(c.w);
    }
    return { token: r.token, prefixKeys: r.token.length > 4 ? r.prefix_of : [`^${r.token}`], nearTypos, farTypos };
  });
}
