/**
 * The shipped code sets: loaded after migrating (counts, a sample, idempotent and keyed by the
 * file's hash), read-only for the app role, and searched by code and by words with bounded work.
 */
import { migrate } from '@db/index.ts';
import {
  boundCodeScans,
  dropIcd10Index,
  findIcd10Codes,
  icd10Index,
  icd10WordPage,
  refreshIcd10Index,
  requireBillableDiagnoses,
  searchIcd10InDatabase,
  WORD_SEARCH_BOUNDS,
  wordTerms,
} from '@domain/codes/index.ts';
import { AppError } from '@domain/shared/errors.ts';
import { sql } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp } from '../helpers/test-app.ts';

const t = await createTestApp();
const org = await t.newOrg();
const codes = async (q: string, extra = '') => {
  const res = await t.as(org, 'front_desk').get(`/api/codes/icd10?q=${encodeURIComponent(q)}${extra}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as { items: { code: string; description: string; billable: boolean }[]; nextCursor: string | null };
};

describe('ICD-10-CM reference data', () => {
  it('holds the FY2026 order file: 74,719 billable codes and 23,467 headings, codes with their dots', async () => {
    const counts = await sql<{ billable: number; headers: number }>`
      select count(*) filter (where billable)::int as billable, count(*) filter (where not billable)::int as headers
        from icd10cm_codes`.execute(t.db);
    expect(counts.rows[0]).toEqual({ billable: 74_719, headers: 23_467 });
    const sample = await findIcd10Codes(t.db, ['E11.9', 'e11', 'e119', 'S72.001A', 'QA0', 'X99.999', 'not a code']);
    expect(sample.get('E11.9')).toEqual({ code: 'E11.9', description: 'Type 2 diabetes mellitus without complications', billable: true });
    expect(sample.get('e119')).toEqual(sample.get('E11.9'));
    expect(sample.get('e11')).toEqual({ code: 'E11', description: 'Type 2 diabetes mellitus', billable: false });
    expect(sample.get('S72.001A')?.billable).toBe(true);
    expect(sample.has('QA0')).toBe(true);
    expect(sample.has('X99.999')).toBe(false);
    expect(sample.has('not a code')).toBe(false);
    const sets = await t.db.selectFrom('reference_data_sets').select(['name', 'row_count']).orderBy('name').execute();
    expect(sets).toEqual([
      { name: 'hcpcs-2025-10', row_count: 8846 },
      { name: 'icd10cm-2026', row_count: 98_186 },
    ]);
  });

  it('loads again only when the shipped file changed (a second run loads nothing)', async () => {
    const before = await t.db.selectFrom('reference_data_sets').select(['name', 'loaded_at']).orderBy('name').execute();
    const again = await migrate(t.database.connectionString);
    expect(again.applied).toEqual([]);
    expect(again.referenceData).toEqual([]);
    expect(await t.db.selectFrom('reference_data_sets').select(['name', 'loaded_at']).orderBy('name').execute()).toEqual(before);
    // A changed hash (a new release shipped) reloads that set, and only that one, with the same rows.
    const owner = new pg.Client({ connectionString: t.database.connectionString });
    await owner.connect();
    await owner.query(`update reference_data_sets set sha256 = repeat('0', 64) where name = 'hcpcs-2025-10'`).finally(() => owner.end());
    const reloaded = await migrate(t.database.connectionString);
    expect(reloaded.referenceData).toEqual(['hcpcs-2025-10']);
    const hcpcs = await sql<{ n: number }>`select count(*)::int as n from hcpcs_codes`.execute(t.db);
    expect(hcpcs.rows[0]?.n).toBe(8846);
  });

  it('is read-only for the app role', async () => {
    const client = new pg.Client({ connectionString: t.database.connectionString });
    await client.connect();
    try {
      await client.query('set role clinicdesk_app');
      expect((await client.query('select count(*)::int as n from icd10cm_codes where code_key = $1', ['E119'])).rows[0].n).toBe(1);
      await expect(client.query(`update icd10cm_codes set description = 'x' where code = 'E11.9'`)).rejects.toThrow(/permission denied/);
      await expect(client.query('delete from reference_data_sets')).rejects.toThrow(/permission denied/);
    } finally {
      await client.end();
    }
  });

  it('refuses headings and unknown codes as diagnoses, one error per bad code, and answers the rest normalized', async () => {
    await expect(requireBillableDiagnoses(org.ctx, ['e119', 'I10'], 'diagnoses')).resolves.toEqual([
      { code: 'E11.9', description: 'Type 2 diabetes mellitus without complications', billable: true },
      { code: 'I10', description: 'Essential (primary) hypertension', billable: true },
    ]);
    const refused = await requireBillableDiagnoses(org.ctx, ['I10', 'Z00', 'Q99.99'], 'diagnoses').catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(AppError);
    expect((refused as AppError).errors).toEqual([
      { path: 'diagnoses.1.code', message: 'Z00 is a category heading, not a billable code; choose a more specific code.' },
      { path: 'diagnoses.2.code', message: 'No ICD-10-CM code Q99.99.' },
    ]);
  });
});

// Every answer below holds on both paths: the database search, and the process's in-memory index.
describe.each(['database', 'memory index'] as const)('GET /api/codes/icd10 (from the %s)', (where) => {
  beforeAll(async () => {
    dropIcd10Index();
    if (where === 'memory index') {
      expect(await refreshIcd10Index(t.db)).toBe(true);
      expect(icd10Index()?.size).toBe(98_186);
    }
  });
  afterAll(() => dropIcd10Index());

  it('finds by code with or without the dot, in any case: exact first, then more specific codes, shorter first', async () => {
    for (const q of ['e119', 'E11.9', 'e11.9']) expect((await codes(q)).items[0]).toMatchObject({ code: 'E11.9', billable: true });
    const e11 = (await codes('E11')).items;
    expect(e11[0]).toEqual({ code: 'E11', description: 'Type 2 diabetes mellitus', billable: false });
    expect(e11.slice(1, 5).map((c) => c.code)).toEqual(['E11.0', 'E11.1', 'E11.2', 'E11.3']);
    const lengths = e11.map((c) => c.code.length);
    expect(lengths).toEqual([...lengths].sort((a, b) => a - b));
    expect((await codes('E11.', '&limit=5')).items).toHaveLength(5);
    expect((await codes('E11', '&billable=true')).items.every((c) => c.billable && c.code.startsWith('E11.'))).toBe(true);
    expect((await codes('e11.65')).items[0]?.code).toBe('E11.65');
  });

  it('finds by words in any order and by their beginnings: billable before headings, general before specific', async () => {
    const t2 = (await codes('diabetes type 2')).items;
    expect(t2.length).toBe(20);
    expect(t2.map((c) => c.code)).toContain('E11.9');
    // Every word, anywhere: E10.A2 "Type 1 diabetes mellitus, presymptomatic, Stage 2" matches too.
    expect(t2.every((c) => /\bdiabetes\b/i.test(c.description) && /\btype/i.test(c.description) && /\b2\b/.test(c.description))).toBe(true);
    expect(t2.slice(0, 3).map((c) => c.code)).toEqual(['E11.8', 'E11.9', 'E11.A']);
    expect(t2.findIndex((c) => !c.billable)).toBe(-1); // 20 billable codes match before any heading
    expect((await codes('2 typ diab')).items.map((c) => c.code)).toEqual(t2.map((c) => c.code));
    const htn = (await codes('essential hypert')).items;
    expect(htn[0]).toMatchObject({ code: 'I10', billable: true });
    // Within the billable ones: shorter first.
    const lengths = htn.filter((c) => c.billable).map((c) => c.code.length);
    expect(lengths).toEqual([...lengths].sort((a, b) => a - b));
    // A word that begins no description word finds nothing; neither does an empty box.
    expect((await codes('diabetes zzqx')).items).toEqual([]);
    expect((await codes('')).items).toEqual([]);
    // Something shaped like a code that begins none is searched as a word.
    expect((await codes('b12')).items.some((c) => /\bB12\b/i.test(c.description))).toBe(true);
  });

  it('answers at most limit (20 by default, 50 at most) and refuses more', async () => {
    expect((await codes('a')).items).toHaveLength(20);
    expect((await codes('fracture', '&limit=50')).items).toHaveLength(50);
    expect((await t.as(org, 'front_desk').get('/api/codes/icd10?q=a&limit=51')).statusCode).toBe(400);
    expect((await t.app.inject({ method: 'GET', url: '/api/codes/icd10?q=e11' })).statusCode).toBe(401);
  });

  it('does bounded work: reads the first ranks by their index, the rest by GIN keys only when needed, and answers the best matches', async () => {
    type PlanNode = {
      'Node Type': string;
      'Relation Name'?: string;
      'Index Name'?: string;
      'Actual Rows'?: number;
      'Actual Loops'?: number;
    };
    const planOf = async (q: string) =>
      t.db.transaction().execute(async (trx) => {
        const ctx = { ...org.ctx, db: trx };
        const terms = await wordTerms(ctx, 'icd10cm', q);
        await boundCodeScans(ctx, { bitmapOnly: false });
        const plan = await sql<{
          'QUERY PLAN': { Plan: Record<string, unknown> }[];
        }>`explain (analyze, format json) ${icd10WordPage(terms ?? [], 20, false)}`.execute(trx);
        const nodes: PlanNode[] = [];
        const walk = (n: Record<string, unknown>) => {
          nodes.push(n as PlanNode);
          for (const c of (n.Plans as Record<string, unknown>[] | undefined) ?? []) walk(c);
        };
        const explained = (plan.rows[0] as { 'QUERY PLAN': { Plan: Record<string, unknown> }[] })['QUERY PLAN'];
        walk((explained[0] as { Plan: Record<string, unknown> }).Plan);
        return nodes.filter((n) => n['Relation Name'] === 'icd10cm_codes');
      });
    // One letter: 41,000 rows match; the rank index walks the first ranks until 20 match (about a
    // hundred rows), and the GIN tier never runs.
    const a = await planOf('a');
    expect(a.map((n) => [n['Node Type'], n['Actual Loops'] ? 'ran' : 'never'])).toEqual([
      ['Index Scan', 'ran'],
      ['Bitmap Heap Scan', 'never'],
    ]);
    expect(a[0]?.['Actual Rows']).toBeLessThan(WORD_SEARCH_BOUNDS.headRanks);
    // Rarer words: the head tier reads at most its ranks, the GIN tier stops at the page.
    const rare = await planOf('zoster eye');
    expect(rare.map((n) => n['Node Type'])).toEqual(['Index Scan', 'Bitmap Heap Scan']);
    expect(rare[0]?.['Actual Rows']).toBeLessThanOrEqual(WORD_SEARCH_BOUNDS.headRanks);
    expect(rare[1]?.['Actual Rows']).toBeLessThanOrEqual(20);
    expect(rare.some((n) => n['Node Type'] === 'Bitmap Heap Scan' && (n['Actual Loops'] ?? 0) > 0)).toBe(true);
    const all = await sql<{ n: number }>`select count(*)::int as n from icd10cm_codes where search_keys && array['^a']`.execute(t.db);
    expect(all.rows[0]?.n).toBeGreaterThan(20_000);
    // The rows met first are the best of all that match, in both tiers.
    for (const [q, keys] of [
      ['a', [['^a']]],
      ['fra fem', [['^fra'], ['^fem']]],
      ['le fo', [['^le'], ['^fo']]],
      ['zo ey', [['^zo'], ['^ey']]],
    ] as const) {
      const best = await sql<{ code: string }>`
        select code from icd10cm_codes where ${sql.join(
          keys.map((k) => sql`search_keys && ${k}::text[]`),
          sql` and `,
        )}
         order by billable desc, code_length, code limit 20`.execute(t.db);
      expect((await codes(q)).items.map((c) => c.code)).toEqual(best.rows.map((r) => r.code));
    }
    // A code prefix reads one index range per code length, each stopping at the limit.
    const plan = await sql<{ 'QUERY PLAN': string }>`explain (analyze, costs off)
      select code from (
        (select code, code_length from icd10cm_codes where code_length = 3 and code_key >= 'S' and code_key < 'S~' order by code_key limit 20)
        union all
        (select code, code_length from icd10cm_codes where code_length = 7 and code_key >= 'S' and code_key < 'S~' order by code_key limit 20)
      ) c order by code_length, code limit 20`.execute(t.db);
    const text = plan.rows.map((r) => r['QUERY PLAN']).join('\n');
    expect(text).toMatch(/Index Scan using icd10cm_codes_by_length/);
    for (const m of text.matchAll(/Index Scan using icd10cm_codes_by_length .*actual .*rows=(\d+)/g))
      expect(Number(m[1])).toBeLessThanOrEqual(20);
  });
});

describe('the in-memory ICD-10-CM index', () => {
  afterAll(() => dropIcd10Index());

  it('answers exactly what the database answers, for every keystroke of many searches', async () => {
    dropIcd10Index();
    expect(await refreshIcd10Index(t.db)).toBe(true);
    // The same release again: nothing is rebuilt.
    expect(await refreshIcd10Index(t.db)).toBe(false);
    const index = icd10Index();
    if (!index) throw new Error('no index');
    const typed = [
      'diabetes type 2',
      'e11.9',
      'E119',
      'essential hypertension',
      'low back pain',
      'm54.50',
      'urinary tract infection',
      'annual physical adult',
      'z00.00',
      'strep pharyngitis',
      's93.402a',
      'zoster eye',
      'fra fem',
      'le fo',
      'b12 deficiency',
      'Crohn’s disease',
      'encounter for immunization',
      'diabetes zzqx',
      'zzz',
      'q',
      '0',
      '9 9 9',
    ];
    const queries = [...new Set(typed.flatMap((q) => Array.from({ length: q.length }, (_, i) => q.slice(0, i + 1))))];
    let compared = 0;
    for (const q of queries) {
      for (const [limit, billableOnly] of [
        [20, false],
        [50, true],
        [1, false],
      ] as const) {
        const fromDb = await searchIcd10InDatabase(org.ctx, { q, limit, billableOnly });
        expect(index.search(q, limit, billableOnly), `${q} (limit ${limit}${billableOnly ? ', billable' : ''})`).toEqual(fromDb);
        compared += 1;
      }
    }
    expect(compared).toBeGreaterThan(600);
  });
});

describe('GET /api/codes/hcpcs', () => {
  it('finds procedure codes in effect by code prefix or words, never modifiers', async () => {
    const res = await t.as(org, 'biller').get('/api/codes/hcpcs?q=g043');
    expect(res.statusCode, res.body).toBe(200);
    const items = res.json().items as { code: string; description: string; shortDescription: string }[];
    expect(items.map((i) => i.code)).toEqual(expect.arrayContaining(['G0438', 'G0439']));
    expect(items.find((i) => i.code === 'G0438')?.description).toMatch(/^Annual wellness visit/);
    const words = (await t.as(org, 'biller').get('/api/codes/hcpcs?q=wellness%20annual')).json().items as { code: string }[];
    expect(words.map((i) => i.code)).toEqual(expect.arrayContaining(['G0438', 'G0439']));
    const modifiers = (await t.as(org, 'biller').get('/api/codes/hcpcs?q=25')).json().items as { code: string }[];
    expect(modifiers.every((i) => /^[A-V][0-9]{4}$/.test(i.code))).toBe(true);
  });
});
