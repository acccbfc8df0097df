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
  /**
   * The token begins more vocabulary words than are worth listing (`NAME_SEARCH_BOUNDS.prefixWords`):
   * `prefixKeys` is then the one key of its first 4 letters, and a row must also have a word
   * that begins with the whole token.
   */
  prefixRecheck?: boolean;
  /** Misspellings one edit away (a swapped pair of letters is one edit), nearest first. */
  nearTypos: string[];
  /** Misspellings two edits away, or sound-alikes one edit past the budget, nearest first. */
  farTypos: string[];
}

/**
 * How much one search may look at, whatever the data. A registry where a third of the
 * patients are Nguyen, or where Smith has a hundred spellings, must cost a search what a
 * registry of distinct names does: every set a search builds is capped, nearest first.
 */
export const NAME_SEARCH_BOUNDS = {
  /** Vocabulary words a long token may be the prefix of, listed; past it, matched by its first 4 letters and rechecked. */
  prefixWords: 64,
  /** Typo candidates kept per token, nearest first. */
  typoWordsPerToken: 12,
  /** Typo candidates kept per search, nearest first across its tokens. */
  typoWordsTotal: 32,
  /**
   * Both, times this, when the search also has a birth date, phone or number: those pick out a
   * few rows whatever the names, so more spellings cost little and find the rarer ones.
   */
  narrowedFactor: 4,
  /** Vocabulary rows one candidate source (sound, shape, trigrams) may read per token. */
  vocabularyRows: 2_000,
  /** Name tokens a search uses; the rest of a longer box is ignored. */
  nameTokens: 8,
} as const;

/** The last code point: `word < token || WORD_END` (collation "C") holds for every word the token begins, in any script. */
export const WORD_END = '\u{10FFFF}';

/**
 * Edits a typo may have, by token length (the "AUTO" rule of search engines): none up to
 * 2 letters, 1 up to 5, then 2. A sound-alike (same Double Metaphone) may have one more.
 */
export function typoBudget(token: string): number {
  return token.length <= 2 ? 0 : token.length <= 5 ? 1 : 2;
}

/** A vocabulary word offered as a typo of a token: whether it sounds alike, how many patients carry it. */
export interface TypoCandidate {
  w: string;
  alike: boolean;
  n: number;
}

/**
 * The candidates that are typos of `token` (Damerau-Levenshtein distance within the budget,
 * one more for a sound-alike), nearest first, then the most common (among a hundred
 * spellings one edit away, the one a third of the registry has is the one meant), then
 * sound-alikes, then by word so the choice is the same every time; at most `max`.
 */
export function rankTypos(token: string, candidates: TypoCandidate[], max: number): { w: string; d: number }[] {
  const budget = typoBudget(token);
  const seen = new Set<string>();
  const kept: (TypoCandidate & { d: number })[] = [];
  for (const c of candidates) {
    if (seen.has(c.w) || c.w === token) continue;
    seen.add(c.w);
    const d = damerauLevenshtein(c.w, token).steps;
    if (d <= budget + (c.alike ? 1 : 0)) kept.push({ ...c, d });
  }
  kept.sort((a, b) => a.d - b.d || b.n - a.n || Number(b.alike) - Number(a.alike) || (a.w < b.w ? -1 : a.w > b.w ? 1 : 0));
  return kept.slice(0, max).map(({ w, d }) => ({ w, d }));
}

/**
 * At most `total` typo candidates over all tokens: the nearest are kept, whichever token
 * they belong to (ties to the earlier token), so one sprawling token cannot crowd out the others.
 */
export function capTypos(perToken: { w: string; d: number }[][], total: number): { w: string; d: number }[][] {
  const all = perToken.flatMap((list, t) => list.map((c, k) => ({ ...c, t, k })));
  all.sort((a, b) => a.d - b.d || a.t - b.t || a.k - b.k);
  const keep = new Set(all.slice(0, total).map((c) => `${c.t}:${c.k}`));
  return perToken.map((list, t) => list.filter((_, k) => keep.has(`${t}:${k}`)));
}

/**
 * A prefix longer than 4 letters is a btree range over the vocabulary. Typo candidates are
 * the words that sound alike (Double Metaphone) or share the first two letters and nearly
 * the length, then, for a token none of those explain, the pg_trgm-similar words (`%`: a
 * misspelt first letter); each is then kept if its Damerau-Levenshtein distance
 * (transpositions count once, which Levenshtein and trigrams both miss in short names) is
 * within the budget above. Every list is capped (`NAME_SEARCH_BOUNDS`): a cluster of
 * sound-alike names puts hundreds of words within one Double Metaphone code and an extra
 * edit, and matching all of them matched most of the registry.
 */
export async function expandNameTerms(
  ctx: Ctx,
  tokens: string[],
  typos: boolean,
  /** This search's prefix-only expansion, when it has one: only the typo candidates are then looked up. */
  known?: NameExpansion[],
  /** The search has a birth date, phone or number too (`NAME_SEARCH_BOUNDS.narrowedFactor`). */
  narrowed = false,
): Promise<NameExpansion[]> {
  const factor = narrowed ? NAME_SEARCH_BOUNDS.narrowedFactor : 1;
  if (!tokens.length) return [];
  const long = tokens.some((t) => t.length > 4);
  let found: NameExpansion[];
  if (known) found = known;
  else if (!long && !typos) return tokens.map((token) => ({ token, prefixKeys: [`^${token}`], nearTypos: [], farTypos: [] }));
  else found = await lookUp(ctx, tokens, { prefixes: true, typos, trigrams: false, factor });
  if (!typos) return found;
  if (known) found = merge(found, await lookUp(ctx, tokens, { prefixes: false, typos: true, trigrams: false, factor }));
  // Trigram neighbours cost more to find (a common trigram such as "son" is in thousands of
  // words), so they are looked up only for the tokens the cheaper candidates did not explain.
  const unexplained = found.filter((e) => typoBudget(e.token) > 0 && !e.nearTypos.length && !e.farTypos.length).map((e) => e.token);
  if (unexplained.length) found = merge(found, await lookUp(ctx, unexplained, { prefixes: false, typos: true, trigrams: true, factor }));
  return capAll(found, NAME_SEARCH_BOUNDS.typoWordsTotal * factor);
}

/** `found` with the typo candidates of `more` (by token). */
function merge(found: NameExpansion[], more: NameExpansion[]): NameExpansion[] {
  const byToken = new Map(more.map((e) => [e.token, e]));
  return found.map((e) => {
    const m = byToken.get(e.token);
    return m ? { ...e, nearTypos: m.nearTypos, farTypos: m.farTypos } : e;
  });
}

/** The search-wide cap on typo candidates, applied to expansions already capped per token. */
function capAll(found: NameExpansion[], total: number): NameExpansion[] {
  const lists = found.map((e) => [...e.nearTypos.map((w) => ({ w, d: 1 })), ...e.farTypos.map((w) => ({ w, d: 2 }))]);
  const kept = capTypos(lists, total);
  return found.map((e, i) => {
    const words = new Set((kept[i] ?? []).map((c) => c.w));
    return { ...e, nearTypos: e.nearTypos.filter((w) => words.has(w)), farTypos: e.farTypos.filter((w) => words.has(w)) };
  });
}

async function lookUp(
  ctx: Ctx,
  tokens: string[],
  { prefixes, typos, trigrams, factor }: { prefixes: boolean; typos: boolean; trigrams: boolean; factor: number },
): Promise<NameExpansion[]> {
  const budgets = tokens.map(typoBudget);
  const { prefixWords, vocabularyRows } = NAME_SEARCH_BOUNDS;
  const typoWordsPerToken = NAME_SEARCH_BOUNDS.typoWordsPerToken * factor;
  // Levenshtein counts a swapped pair as two edits where Damerau counts one, so the database
  // returns more than are kept; the exact ranking is rankTypos.
  const returned = typoWordsPerToken * 4;
  // Each source reads at most `vocabularyRows` words, of a length the budget allows (a
  // length difference is a lower bound of the distance), so a huge sound-alike bucket costs
  // no more than a small one. Unprepared (packages/db/src/pool.ts): a generic plan cannot see
  // which index a token suits.
  const rows = await sql<{ token: string; prefix_of: string[]; candidates: TypoCandidate[] }>`/* unprepared */
    select t.n as token, x.prefix_of, y.candidates
      from unnest(${sql.val(tokens)}::text[], ${sql.val(budgets)}::int[]) with ordinality as t(n, budget, i)
     cross join lateral (select dmetaphone(t.n) as sound) m
     cross join lateral (
       select coalesce(array_agg(w.word), '{}') as prefix_of
         from (select v.word
                 from patient_name_words_scoped v
                where ${prefixes} and length(t.n) > 4 and v.organization_id = ${ctx.organizationId}
                  and v.word >= (t.n collate "C") and v.word < ((t.n || ${WORD_END}) collate "C")
                limit ${prefixWords + 1}) w
     ) x
     cross join lateral (
       select coalesce(json_agg(json_build_object('w', r.word, 'alike', r.alike, 'n', r.patients) order by r.d, r.patients desc, r.word), '[]') as candidates
         from (
           select c.word, bool_or(c.alike) as alike, max(c.patients) as patients, min(levenshtein_less_equal(c.word, t.n, 2 * t.budget + 2)) as d
             from (
               (select v.word, true as alike, v.patients
                  from patient_name_words_scoped v
                 where ${typos} and t.budget > 0 and m.sound <> ''
                   and v.organization_id = ${ctx.organizationId} and v.sound <> '' and v.sound = m.sound
                   and length(v.word) between length(t.n) - t.budget - 1 and length(t.n) + t.budget + 1
                 limit ${vocabularyRows})
               union all
               (select v.word, (m.sound <> '' and v.sound = m.sound), v.patients
                  from patient_name_words_scoped v
                 where ${typos} and t.budget > 0
                   and v.organization_id = ${ctx.organizationId}
                   and left(v.word, 2) = (left(t.n, 2) collate "C") and length(v.word) between length(t.n) - 1 and length(t.n) + 1
                 limit ${vocabularyRows})
               union all
               (select v.word, (m.sound <> '' and v.sound = m.sound), v.patients
                  from patient_name_words_scoped v
                 where ${typos} and ${trigrams} and t.budget > 0
                   and v.organization_id = ${ctx.organizationId} and v.word % t.n
                   and length(v.word) between length(t.n) - t.budget - 1 and length(t.n) + t.budget + 1
                 limit ${vocabularyRows})
             ) c
            where not (c.word >= (t.n collate "C") and c.word < ((t.n || ${WORD_END}) collate "C"))
            group by c.word
           -- A swapped pair is two Levenshtein edits and one Damerau edit; the exact check is rankTypos.
           having min(levenshtein_less_equal(c.word, t.n, 2 * t.budget + 2)) <= 2 * t.budget + (case when bool_or(c.alike) then 2 else 0 end)
            -- Damerau distance is at least half the Levenshtein one: a word two Levenshtein edits
            -- away may be one swap away, so those two come back together, the common first.
            order by (min(levenshtein_less_equal(c.word, t.n, 2 * t.budget + 2)) + 1) / 2, patients desc, c.word
            limit ${returned}
         ) r
     ) y
     order by t.i`.execute(ctx.db);
  return rows.rows.map((r) => {
    const ranked = rankTypos(r.token, r.candidates, typoWordsPerToken);
    const long = r.token.length > 4;
    const recheck = long && r.prefix_of.length > prefixWords;
    return {
      token: r.token,
      prefixKeys: !long ? [`^${r.token}`] : recheck ? [`^${r.token.slice(0, 4)}`] : r.prefix_of,
      ...(recheck ? { prefixRecheck: true } : {}),
      nearTypos: ranked.filter((c) => c.d <= 1).map((c) => c.w),
      farTypos: ranked.filter((c) => c.d > 1).map((c) => c.w),
    };
  });
}
