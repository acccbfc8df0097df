import { type Expression, type SqlBool, sql } from 'kysely';
import { mayOpenPatientRowSql, requirePermission } from '../access/index.ts';
import { recordAudit } from '../audit/index.ts';
import { inTransaction, type Ctx } from '../shared/context.ts';
import { invalid } from '../shared/errors.ts';
import { expandNameTerms, type NameExpansion } from './expand-name-terms.ts';
import { parseSearch, type SearchTerms } from './parse-search.ts';
import type { PatientSummary } from './patients.schemas.ts';

export interface SearchInput {
  q?: string | undefined;
  limit: number;
  cursor?: string | undefined;
  includeInactive?: boolean | undefined;
}

interface Cursor {
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
 * Score of a row: each name token adds 110 for a whole word, 100 for a word it is the
 * prefix of, 70 or 55 for a near or far misspelling; numbers add 100 for the MRN, else 50.
 */
function scoreOf(t: SearchTerms, names: NameExpansion[]) {
  const parts = names.map(
    (n) =>
      sql`(case when p.name_keys @> ${sql.val([n.token])}::text[] then 110
               when p.name_keys && ${sql.val(n.prefixKeys)}::text[] then 100
               when p.name_keys && ${sql.val(n.nearTypos)}::text[] then 70
               when p.name_keys && ${sql.val(n.farTypos)}::text[] then 55 else 0 end)`,
  );
  for (const n of t.numbers) parts.push(sql`(case when p.mrn = ${n} then 100 else 50 end)`);
  return parts.length ? sql<number>`(${sql.join(parts, sql` + `)})::int` : sql<number>`0`;
}

function matchOf(t: SearchTerms, names: NameExpansion[]): Expression<SqlBool>[] {
  const out = names.map((n) => sql<SqlBool>`p.name_keys && ${sql.val([...n.prefixKeys, ...n.nearTypos, ...n.farTypos])}::text[]`);
  if (t.birthDates.length) out.push(sql<SqlBool>`p.birth_date = any(${sql.val(t.birthDates)}::date[])`);
  if (t.phones.length) out.push(sql<SqlBool>`p.phone_digits && ${sql.val(t.phones)}::text[]`);
  for (const n of t.numbers) out.push(sql<SqlBool>`(p.mrn = ${n} or p.phone_digits @> array[${n}]::text[])`);
  return out;
}

/**
 * The one search box: names in any order and by prefix, typos by trigram
 * similarity, birth dates in common formats, phone digits and MRNs, ranked and
 * cursor-paged. Restricted records appear only to their care team (or under
 * break-glass). One audit row per search, without the query text (it may be PHI).
 */
export async function searchPatients(ctx: Ctx, input: SearchInput): Promise<{ items: PatientSummary[]; nextCursor: string | null }> {
  requirePermission(ctx, 'patient:read');
  const terms = parseSearch(input.q ?? '', ctx.clock.now());
  const after = input.cursor ? decodeCursor(input.cursor) : null;
  return inTransaction(ctx, async (tx) => {
    const userId = tx.actor.kind === 'user' ? tx.actor.userId : null;
    let prefixOnly: NameExpansion[] | undefined;
    const runPage = async (typos: boolean) => {
      // Names become vocabulary words first; a token that stands for no word finds no one.
      // The typo pass after a short prefix pass reuses that pass's prefixes.
      const names = await expandNameTerms(tx, terms.names, typos, prefixOnly);
      if (!typos) prefixOnly = names;
      if (names.some((n) => !n.prefixKeys.length && !n.nearTypos.length && !n.farTypos.length)) return [];
      const conditions = matchOf(terms, names);
      conditions.push(input.includeInactive ? sql<SqlBool>`p.status <> 'merged'` : sql<SqlBool>`p.status in ('active', 'deceased')`);
      // A restricted record only for its care team or an active break-glass grant (access's predicate, on this row).
      if (userId) conditions.push(mayOpenPatientRowSql(tx, 'p'));
      const score = scoreOf(terms, names);
      const page = sql<{
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
        score: number;
      }>`/* unprepared */
      with ranked as materialized (
        select p.id, p.mrn, p.given_name, p.middle_name, p.family_name, p.preferred_name, p.birth_date, p.sex, p.phones,
               p.status, p.restricted, ${score} as score
          from patients_scoped p
         where p.organization_id = ${tx.organizationId} and ${sql.join(conditions, sql` and `)}
      )
      select * from ranked
      ${after ? sql`where (-score, family_name, given_name, id) > (${-after.s}, ${after.f}, ${after.g}, ${after.i}::uuid)` : sql``}
      order by -score, family_name, given_name, id
      limit ${input.limit + 1}`;
      // Unprepared (packages/db/src/pool.ts): a plan cached for one key would be wrong for a thousand.
      // Materialized: every match is found by its keys first, then ranked. Left to itself the
      // planner may instead walk a name-ordered index through the whole registry, betting that
      // a phone number (no statistics for its digits) matches thousands.
      return (await page.execute(tx.db)).rows;
    };
    // Exact word-prefix matching first: it is what staff type, and it is cheap. Typo matching
    // (more vocabulary words per token, so more candidate rows) runs only when prefixes do not fill the
    // first page; the choice is kept in the cursor so every page of one search ranks alike.
    let typos = after ? after.t === 1 : false;
    let rows = await runPage(typos);
    if (!after && terms.names.length && rows.length <= input.limit) {
      typos = true;
      rows = await runPage(true);
    }
    const more = rows.length > input.limit;
    const items = rows.slice(0, input.limit).map((r) => ({
      id: r.id,
      mrn: r.mrn,
      givenName: r.given_name,
      middleName: r.middle_name,
      familyName: r.family_name,
      preferredName: r.preferred_name,
      birthDate: r.birth_date,
      sex: r.sex,
      phones: r.phones,
      status: r.status,
      restricted: r.restricted,
      score: Number(r.score),
    }));
    const last = items[items.length - 1];
    const criteria = Object.entries(terms)
      .filter(([, v]) => (v as string[]).length)
      .map(([k]) => k);
    await recordAudit(tx, {
      action: 'search',
      resourceType: 'patient',
      details: { resultCount: items.length, criteria, page: after ? 'next' : 'first' },
    });
    return {
      items,
      nextCursor:
        more && last ? encodeCursor({ s: last.score, f: last.familyName, g: last.givenName, i: last.id, t: typos ? 1 : 0 }) : null,
    };
  });
}
