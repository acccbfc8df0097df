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
  /** Misspellings one edit away (or sound-alikes two away). */
  nearTypos: string[];
  /** Misspellings further away: two edits, or a sound-alike three away. */
  farTypos: string[];
}

/**
 * One statement for all tokens. A prefix longer than 4 letters is a btree range over the vocabulary. A typo
 * candidate is a word that sounds alike (Double Metaphone), shares trigrams (pg_trgm
 * `%`), or starts with the same two letters; it is kept when its Levenshtein distance
 * is within the token's budget (0 up to 3 letters, 1 for 4, 2 from 5), one more for a
 * sound-alike. Tokens shorter than 3 letters get no typo matching.
 */
export async function expandNameTerms(ctx: Ctx, tokens: string[], typos: boolean): Promise<NameExpansion[]> {
  if (!tokens.length) return [];
  const long = tokens.filter((t) => t.length > 4);
  if (!long.length && !typos) return tokens.map((token) => ({ token, prefixKeys: [`^${token}`], nearTypos: [], farTypos: [] }));
  const rows = await sql<{ token: string; prefix_of: string[]; near_typos: string[]; far_typos: string[] }>`
    select t.n as token, x.prefix_of, y.near_typos, y.far_typos
      from unnest(${sql.val(tokens)}::text[]) with ordinality as t(n, i)
     cross join lateral (
       select coalesce(array_agg(v.word), '{}') as prefix_of
         from patient_name_words v
        where length(t.n) > 4 and v.organization_id = ${ctx.organizationId}
          and v.word >= (t.n collate "C") and v.word < ((t.n || '{') collate "C")
     ) x
     cross join lateral (
       select coalesce(array_agg(c.word) filter (where c.d <= 1), '{}') as near_typos,
              coalesce(array_agg(c.word) filter (where c.d > 1), '{}') as far_typos
         from (
           select v.word, levenshtein_less_equal(v.word, t.n, 4) as d, (v.sound <> '' and v.sound = dmetaphone(t.n)) as alike,
                  case when length(t.n) >= 5 then 2 when length(t.n) = 4 then 1 else 0 end as budget
             from patient_name_words v
            where ${typos} and length(t.n) >= 3
              and v.organization_id = ${ctx.organizationId}
              and ((v.sound <> '' and v.sound = dmetaphone(t.n))
                   or v.word % t.n
                   or (v.word >= (left(t.n, 2) collate "C") and v.word < ((left(t.n, 2) || '{') collate "C")))
              and not (v.word >= (t.n collate "C") and v.word < ((t.n || '{') collate "C"))
         ) c
        where c.d <= c.budget or (c.alike and c.d <= c.budget + 1)
     ) y
     order by t.i`.execute(ctx.db);
  return rows.rows.map((r) => ({
    token: r.token,
    prefixKeys: r.token.length > 4 ? r.prefix_of : [`^${r.token}`],
    nearTypos: r.near_typos,
    farTypos: r.far_typos,
  }));
}
