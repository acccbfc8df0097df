import { type Expression, type RawBuilder, type SqlBool, sql } from 'kysely';
import { can, mayOpenPatientRowSql, requirePermission } from '../access/index.ts';
import { recordAudit } from '../audit/index.ts';
import { inTransaction, type Ctx } from '../shared/context.ts';
import { invalid } from '../shared/errors.ts';
import { expandNameTerms, NAME_SEARCH_BOUNDS, type NameExpansion } from './expand-name-terms.ts';
import { parseSearch, type SearchTerms } from './parse-search.ts';
import type { PatientSummary } from './patients.schemas.ts';

export interface SearchInput {
  q?: string | undefined;
  limit: number;
  cursor?: string | undefined;
  includeInactive?: boolean | undefined;
}

export interface Cursor {
  s: number;
  f: string;
  g: string;
  i: string;
  /** Typo matching on (1) or off (0) for this search, fixed by its first page. */
  t?: 0 | 1;
}

function decodeCursor(c: string): Cursor {
  try {
    const v = JSON.parse(Buffer.from(c, 'base64url').toString('utf8')) as Cursor;
    if (typeof v.s === 'number' && typeof v.f === 'string' && typeof v.g === 'string' && /^[0-9a-f-]{36}$/.test(v.i)) return v;
  } catch {
    // fall through
  }
  throw invalid('query.cursor', 'not a cursor from a previous page');
}

const encodeCursor = (c: Cursor) => Buffer.from(JSON.stringify(c)).toString('base64url');

/**
 * Patients one search ranks, at most: matches are found (best kind first, see `tiers`) up to
 * this many, then ranked. A one-letter query or a name a third of the registry shares thus
 * reads and ranks no more rows than a rare name does; the answer says `truncated` when there
 * were more (20 pages of 25: past that, a clerk narrows the search). Each candidate is a row
 * read from the table, so this is most of a truncated search's cost: 2,000 cost a cluster
 * search at a million patients about 10 ms of database time more than 500.
 */
export const CANDIDATE_ROWS = 500;

/**
 * Where a match looks for name keys (migration 0033): `match`, the array a condition reads
 * (`&&`), holding `keys(k)` for each key k; `words`, the same row's keys without any prefix,
 * for the recheck of a long prefix.
 */
interface KeySource {
  match: RawBuilder<unknown>;
  words: RawBuilder<unknown>;
  keys: (keys: string[]) => RawBuilder<unknown>;
}

const plainKeys = (keys: string[]) => sql`${sql.val(keys)}::text[]`;

/**
 * A row's indexed keys (migration 0292): its names' keys each prefixed with its practice, so
 * the index reads this practice's matches only. The expression must be the index's, and the
 * keys looked for are prefixed by the same function (a constant the planner folds).
 */
function indexedKeys(ctx: Ctx): KeySource {
  return {
    match: sql`patient_search_keys(p.organization_id, p.name_keys)`,
    words: sql`p.name_keys`,
    keys: (keys) => sql`patient_search_keys(${ctx.organizationId}::uuid, ${sql.val(keys)}::text[])`,
  };
}
/** A row's keys as stored, where no index is wanted: ranking found rows, excluding earlier tiers. */
const ROW_KEYS: KeySource = { match: sql`p.name_keys`, words: sql`p.name_keys`, keys: plainKeys };
/** A locked entry's keys: its given and family names' only. */
const SHOWN_KEYS = sql`patient_name_keys(p.given_name, null, p.family_name, null)`;
const SHOWN_NAME_KEYS: KeySource = { match: SHOWN_KEYS, words: SHOWN_KEYS, keys: plainKeys };

/** A row has a word the token begins. */
function prefixMatch(n: NameExpansion, on: KeySource): Expression<SqlBool> {
  const keys = sql<SqlBool>`${on.match} && ${on.keys(n.prefixKeys)}`;
  // A token that begins too many words to list is matched by its first 4 letters' key and rechecked.
  return n.prefixRecheck ? sql<SqlBool>`(${keys} and exists (select from unnest(${on.words}) k where starts_with(k, ${n.token})))` : keys;
}

/** A row matches the token as a prefix (tier 0), or also as a near typo (1), or also as a far one (2). */
function tokenMatch(n: NameExpansion, tier: 0 | 1 | 2, on: KeySource): Expression<SqlBool> {
  const typos = tier === 0 ? [] : tier === 1 ? n.nearTypos : [...n.nearTypos, ...n.farTypos];
  if (!typos.length) return prefixMatch(n, on);
  if (!n.prefixRecheck) return sql<SqlBool>`${on.match} && ${on.keys([...n.prefixKeys, ...typos])}`;
  return sql<SqlBool>`(${prefixMatch(n, on)} or ${on.match} && ${on.keys(typos)})`;
}

/**
 * A locked entry matches only on what it shows (given and family name, birth date, MRN): a
 * search by its phone, middle or preferred name must not confirm what the entry hides.
 */
function lockedMatch(t: SearchTerms, names: NameExpansion[]): Expression<SqlBool> {
  if (t.phones.length) return sql<SqlBool>`false`;
  const parts: Expression<SqlBool>[] = t.numbers.map((n) => sql<SqlBool>`p.mrn = ${n}`);
  for (const n of names) parts.push(tokenMatch(n, 2, SHOWN_NAME_KEYS));
  return parts.length ? sql.join(parts, sql` and `) : sql<SqlBool>`true`;
}

/**
 * Score of a row: each name token adds 110 for a whole word, 100 for a word it is the
 * prefix of, 70 or 55 for a near or far misspelling, less one for each likelier candidate
 * ranked before that word (nearest, then most common; at most 9 less, so near stays above
 * far): "smiht" finds the Smiths before the one Simht. Numbers add 100 for the MRN, else 50.
 */
function scoreOf(t: SearchTerms, names: NameExpansion[]) {
  const typos = (words: string[], top: number) =>
    words.map((w, k) => sql`when p.name_keys @> ${sql.val([w])}::text[] then ${sql.lit(top - Math.min(k, 9))}`);
  const parts = names.map(
    (n) =>
      sql`(case when p.name_keys @> ${sql.val([n.token])}::text[] then 110
               when ${prefixMatch(n, ROW_KEYS)} then 100
               ${sql.join([...typos(n.nearTypos, 70), ...typos(n.farTypos, 55)], sql` `)} else 0 end)`,
  );
  for (const n of t.numbers) parts.push(sql`(case when p.mrn = ${n} then 100 else 50 end)`);
  return parts.length ? sql<number>`(${sql.join(parts, sql` + `)})::int` : sql<number>`0`;
}

/** The conditions other than names: every term must match. */
function otherMatches(t: SearchTerms): Expression<SqlBool>[] {
  const out: Expression<SqlBool>[] = [];
  if (t.birthDates.length) out.push(sql<SqlBool>`p.birth_date = any(${sql.val(t.birthDates)}::date[])`);
  if (t.phones.length) out.push(sql<SqlBool>`p.phone_digits && ${sql.val(t.phones)}::text[]`);
  for (const n of t.numbers) out.push(sql<SqlBool>`(p.mrn = ${n} or p.phone_digits @> array[${n}]::text[])`);
  return out;
}

/**
 * The tiers of a pass, best kind of match first: every name token by prefix; then with near
 * typos (and not already in tier 0); then with far ones. A tier no token has words for is
 * left out. The candidate scan reads them in this order and stops at CANDIDATE_ROWS, so a
 * cut falls on the weakest matches.
 */
function tiers(names: NameExpansion[], typos: boolean, on: KeySource): Expression<SqlBool>[] {
  const all = (tier: 0 | 1 | 2, keys: KeySource = on): Expression<SqlBool> =>
    names.length
      ? sql.join(
          names.map((n) => tokenMatch(n, tier, keys)),
          sql` and `,
        )
      : sql<SqlBool>`true`;
  const out = [all(0)];
  if (!typos) return out;
  const near = names.some((n) => n.nearTypos.length);
  const far = names.some((n) => n.farTypos.length);
  // An earlier tier is left out by the row's stored keys: a filter on rows the tier's index
  // scan found, where the indexed expression would be computed again for each of them.
  if (near) out.push(sql<SqlBool>`${all(1)} and not (${all(0, ROW_KEYS)})`);
  if (far) out.push(sql<SqlBool>`${all(2)} and not (${all(near ? 1 : 0, ROW_KEYS)})`);
  return out;
}

/**
 * Which rows a search may show at all: status, and restricted records only to whom may open
 * them (their care team, an active break-glass grant: access's predicate, on this row). A user
 * who may break the glass sees the others too, as locked entries (`locked`): in an emergency
 * the nurse must find the record to open the prompt.
 */
function rowFilters(
  ctx: Ctx,
  includeInactive: boolean | undefined,
  /** What a locked entry must match (lockedMatch); without it (no terms) none is shown. */
  lockedTerms?: Expression<SqlBool>,
): { status: Expression<SqlBool>; mayOpen: Expression<SqlBool>; locked: Expression<SqlBool> } {
  const status = includeInactive ? sql<SqlBool>`p.status <> 'merged'` : sql<SqlBool>`p.status in ('active', 'deceased')`;
  if (ctx.actor.kind !== 'user') return { status, mayOpen: sql<SqlBool>`true`, locked: sql<SqlBool>`false` };
  const opens = mayOpenPatientRowSql(ctx, 'p');
  if (!lockedTerms || !can(ctx, 'break_glass')) return { status, mayOpen: opens, locked: sql<SqlBool>`false` };
  // As a filter, an unknown (null) answer keeps a row out; as a flag it must say locked.
  return { status, mayOpen: sql<SqlBool>`(${opens} or ${lockedTerms})`, locked: sql<SqlBool>`not coalesce(${opens}, false)` };
}

/**
 * Bitmap scans only, for the rest of the transaction (a search's): they read the index first
 * and the table in physical order, so the candidate limit stops after CANDIDATE_ROWS rows,
 * and the same rows (so the same ranking) come back for the next page. Left to itself, the
 * planner may bet on a sequential or name-ordered walk meeting enough matches early, which
 * reads the whole registry when the bet is wrong (the statistics of a key say little about
 * skew) and, on a large table, starts a sequential scan wherever another one is. No parallel
 * workers either: a parallel append runs the tiers at once, so the cut would no longer fall on
 * the weakest matches (nor on the same rows twice), and starting workers costs more than the scan.
 */
export async function boundScans(ctx: Ctx): Promise<void> {
  await sql`select set_config('enable_seqscan', 'off', true), set_config('enable_indexscan', 'off', true),
                   set_config('max_parallel_workers_per_gather', '0', true)`.execute(ctx.db);
}

/**
 * One page of a search with terms: the candidates, best tier first and at most
 * CANDIDATE_ROWS + 1 of them, ranked; `truncated` on every row when there were more.
 * Exported for the tests that read its plan.
 */
export function searchPage(
  ctx: Ctx,
  terms: SearchTerms,
  names: NameExpansion[],
  opts: { typos: boolean; includeInactive?: boolean | undefined; limit: number; after?: Cursor | null | undefined },
): RawBuilder<PageRow> {
  const { status, mayOpen, locked } = rowFilters(ctx, opts.includeInactive, lockedMatch(terms, names));
  const filters = [...otherMatches(terms), status, mayOpen];
  // Names alone: the keys are this practice's (indexedKeys), and the organization is checked on
  // the rows found ("is true" keeps it out of the index conditions), never by a bitmap of the
  // whole registry. With a birth date or a number, the organization stays an index condition:
  // those indexes lead with it (patients_org_birth_date, the MRN's), and a date or MRN picks out
  // a few of the practice's rows. Phone digits' index has no organization.
  const practice =
    names.length && !terms.birthDates.length && !terms.numbers.length
      ? sql<SqlBool>`(p.organization_id = ${ctx.organizationId}) is true`
      : sql<SqlBool>`p.organization_id = ${ctx.organizationId}`;
  const branches = tiers(names, opts.typos, indexedKeys(ctx)).map(
    (tier) => sql`(select p.id, p.mrn, p.given_name, p.middle_name, p.family_name, p.preferred_name, p.birth_date, p.sex,
                          p.phones, p.status, p.restricted, ${locked} as locked, p.name_keys
                     from patients_scoped p
                    where ${practice} and ${sql.join(filters, sql` and `)} and ${tier})`,
  );
  const after = opts.after;
  // Unprepared (packages/db/src/pool.ts): a plan cached for one key would be wrong for a thousand.
  // Materialized and capped: matches are found by their keys (bitmap scans, boundScans), best
  // tier first, until CANDIDATE_ROWS, then ranked; the limit stops the scan, so a name shared
  // by a third of the registry reads no more rows than a rare one.
  return sql<PageRow>`/* unprepared */
    with found as materialized (
      select * from (${sql.join(branches, sql` union all `)}) c limit ${CANDIDATE_ROWS + 1}
    ), ranked as (
      select p.id, p.mrn, p.given_name, p.middle_name, p.family_name, p.preferred_name, p.birth_date, p.sex, p.phones,
             p.status, p.restricted, p.locked, ${scoreOf(terms, names)} as score
        from found p
    )
    select *, (select count(*) from found) > ${CANDIDATE_ROWS} as truncated from ranked
    ${after ? sql`where (-score, family_name, given_name, id) > (${-after.s}, ${after.f}, ${after.g}, ${after.i}::uuid)` : sql``}
    order by -score, family_name, given_name, id
    limit ${opts.limit + 1}`;
}

/**
 * The one search box: names in any order and by prefix, typos by trigram
 * similarity, birth dates in common formats, phone digits and MRNs, ranked and
 * cursor-paged. Restricted records appear only to their care team (or under
 * break-glass). One audit row per search, without the query text (it may be PHI).
 * Every search does bounded work whatever the data: at most CANDIDATE_ROWS patients are
 * ranked (`truncated` says when more matched: a narrower search finds the rest).
 */
export async function searchPatients(
  ctx: Ctx,
  input: SearchInput,
): Promise<{ items: PatientSummary[]; nextCursor: string | null; truncated: boolean }> {
  requirePermission(ctx, 'patient:read');
  const terms = parseSearch(input.q ?? '', ctx.clock.now());
  // Each name token costs a vocabulary lookup and narrows the match; a box of more words than
  // any name has is cut rather than costing more.
  terms.names = terms.names.slice(0, NAME_SEARCH_BOUNDS.nameTokens);
  const after = input.cursor ? decodeCursor(input.cursor) : null;
  return inTransaction(ctx, async (tx) => {
    const { status, mayOpen, locked } = rowFilters(tx, input.includeInactive);
    let prefixOnly: NameExpansion[] | undefined;
    const narrowed = terms.birthDates.length + terms.phones.length + terms.numbers.length > 0;
    const runPage = async (typos: boolean): Promise<PageRow[]> => {
      // Names become vocabulary words first; a token that stands for no word finds no one.
      // The typo pass after a short prefix pass reuses that pass's prefixes.
      const names = await expandNameTerms(tx, terms.names, typos, prefixOnly, narrowed);
      if (!typos) prefixOnly = names;
      if (names.some((n) => !n.prefixKeys.length && !n.nearTypos.length && !n.farTypos.length)) return [];
      return (
        await searchPage(tx, terms, names, { typos, includeInactive: input.includeInactive, limit: input.limit, after }).execute(tx.db)
      ).rows;
    };
    let rows: PageRow[];
    let typos = after ? after.t === 1 : false;
    if (!terms.names.length && !terms.birthDates.length && !terms.phones.length && !terms.numbers.length) {
      // No terms: the registry in name order, walked by its (organization, family, given) index
      // from the cursor, so a page reads about a page of rows.
      rows = (
        await sql<PageRow>`/* unprepared */
        select p.id, p.mrn, p.given_name, p.middle_name, p.family_name, p.preferred_name, p.birth_date, p.sex, p.phones,
               p.status, p.restricted, ${locked} as locked, 0 as score, false as truncated
          from patients_scoped p
         where p.organization_id = ${tx.organizationId} and ${status} and ${mayOpen}
           ${after ? sql`and (p.family_name, p.given_name, p.id) > (${after.f}, ${after.g}, ${after.i}::uuid)` : sql``}
         order by p.family_name, p.given_name, p.id
         limit ${input.limit + 1}`.execute(tx.db)
      ).rows;
    } else {
      await boundScans(tx);
      // Exact word-prefix matching first: it is what staff type, and it is cheap. Typo matching
      // (more vocabulary words per token, so more candidate rows) runs only when prefixes do not
      // fill the first page; the choice is kept in the cursor so every page of one search ranks alike.
      rows = await runPage(typos);
      if (!after && terms.names.length && rows.length <= input.limit) {
        typos = true;
        rows = await runPage(true);
      }
    }
    const more = rows.length > input.limit;
    const items = rows.slice(0, input.limit).map((r) => ({
      id: r.id,
      mrn: r.mrn,
      givenName: r.given_name,
      // A locked entry tells who the person is, nothing more (patientSummarySchema).
      middleName: r.locked ? null : r.middle_name,
      familyName: r.family_name,
      preferredName: r.locked ? null : r.preferred_name,
      birthDate: r.birth_date,
      sex: r.sex,
      phones: r.locked ? [] : r.phones,
      status: r.status,
      restricted: r.restricted,
      locked: r.locked,
      score: Number(r.score),
    }));
    const last = items[items.length - 1];
    const criteria = Object.entries(terms)
      .filter(([, v]) => (v as string[]).length)
      .map(([k]) => k);
    // Which restricted records were shown locked: a compliance review can tell who looked them up.
    const lockedIds = items.filter((i) => i.locked).map((i) => i.id);
    await recordAudit(tx, {
      action: 'search',
      resourceType: 'patient',
      details: { resultCount: items.length, criteria, page: after ? 'next' : 'first', ...(lockedIds.length ? { lockedIds } : {}) },
    });
    return {
      items,
      nextCursor:
        more && last ? encodeCursor({ s: last.score, f: last.familyName, g: last.givenName, i: last.id, t: typos ? 1 : 0 }) : null,
      truncated: rows[0]?.truncated === true,
    };
  });
}

export interface PageRow {
  id: string;
  mrn: string;
  given_name: string;
  middle_name: string | null;
  family_name: string;
  preferred_name: string | null;
  birth_date: string;
  sex: 'female' | 'male' | 'unknown';
  phones: { type: string; number: string }[];
  status: 'active' | 'inactive' | 'deceased' | 'merged';
  restricted: boolean;
  locked: boolean;
  score: number;
  truncated: boolean;
}
