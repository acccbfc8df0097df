import { expandNameTerms, NAME_SEARCH_BOUNDS } from '@domain/patients/expand-name-terms.ts';
import { parseSearch } from '@domain/patients/parse-search.ts';
import { boundScans, CANDIDATE_ROWS, searchPage } from '@domain/patients/search-patients.ts';
import { CompiledQuery, sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { createTestApp } from '../helpers/test-app.ts';
import type { TestOrg } from '../helpers/factories.ts';

const t = await createTestApp();

type Item = { id: string; givenName: string; familyName: string; mrn: string };

async function seed(org: TestOrg) {
  const fd = t.as(org, 'front_desk');
  const make = async (body: Record<string, unknown>) => {
    const res = await fd.post('/api/patients', body);
    expect(res.statusCode, res.body).toBe(201);
    return res.json() as Item;
  };
  const john = await make({
    givenName: 'John',
    familyName: 'Smith',
    birthDate: '1980-03-07',
    phones: [{ type: 'mobile', number: '413-736-1234' }],
  });
  const joan = await make({ givenName: 'Joan', familyName: 'Smithers', birthDate: '1962-11-30' });
  const other = await make({ givenName: 'Maria', familyName: 'Garcia', birthDate: '1980-03-08' });
  return { john, joan, other };
}

const ids = (res: { json(): { items: Item[] } }) => res.json().items.map((i) => i.id);

describe('patient search', () => {
  it('finds John Smith by name prefixes in any order, by a misspelling, by birth date formats, phone digits and MRN', async () => {
    const org = await t.newOrg();
    const { john, joan, other } = await seed(org);
    const search = (q: string) => t.as(org, 'front_desk').get(`/api/patients?q=${encodeURIComponent(q)}`);

    const byPrefix = await search('smi jo');
    expect(byPrefix.statusCode).toBe(200);
    expect(ids(byPrefix)).toContain(john.id);
    expect(ids(byPrefix)).toContain(joan.id);
    expect(ids(byPrefix)).not.toContain(other.id);
    expect(ids(await search('john smith'))[0]).toBe(john.id);
    expect(ids(await search('Smith, John'))[0]).toBe(john.id);

    const typo = await search('Jon Smiht');
    expect(ids(typo)[0]).toBe(john.id);
    expect(ids(typo)).not.toContain(other.id);

    for (const dob of ['1980-03-07', '03/07/1980', '3/7/80', '3-7-1980']) {
      expect(ids(await search(dob)), dob).toEqual([john.id]);
    }
    expect(ids(await search('smith 3/7/1980'))).toEqual([john.id]);
    for (const phone of ['4137361234', '(413) 736-1234', '+1 413 736 1234', '7361234']) {
      expect(ids(await search(phone)), phone).toEqual([john.id]);
    }
    expect(ids(await search(john.mrn))).toEqual([john.id]);
    expect(ids(await search('zzzz qqqq'))).toEqual([]);
  });

  it('matches name words: apostrophes and hyphens both ways, sound-alikes, transpositions, and a renamed patient by the new name', async () => {
    const org = await t.newOrg();
    const fd = t.as(org, 'front_desk');
    const make = async (body: Record<string, unknown>) => {
      const res = await fd.post('/api/patients', { confirmNotDuplicate: true, ...body });
      expect(res.statusCode, res.body).toBe(201);
      return res.json() as Item & { version: number };
    };
    const siobhan = await make({ givenName: 'Siobhan', familyName: "O'Brien-Walsh", birthDate: '1975-05-05' });
    const john = await make({ givenName: 'John', familyName: 'Whitaker', birthDate: '1960-01-01' });
    const unrelated = await make({ givenName: 'Brienne', familyName: 'Tarth', birthDate: '1990-09-09' });
    const search = (q: string) => fd.get(`/api/patients?q=${encodeURIComponent(q)}`);

    for (const q of ['obrien', "o'brien", 'brien walsh', 'obrienwalsh', 'walsh sio']) {
      expect(ids(await search(q)), q).toEqual([siobhan.id]);
    }
    // A whole word ranks above a word it only begins.
    expect(ids(await search('brien'))).toEqual([siobhan.id, unrelated.id]);
    // Sound-alike (Double Metaphone) within one extra edit, and a swapped pair of letters.
    expect(ids(await search('jhon whitaker'))).toEqual([john.id]);
    expect(ids(await search('john whtiaker'))).toEqual([john.id]);
    // A wrong first letter: found through pg_trgm similarity.
    expect(ids(await search('john qhitaker'))).toEqual([john.id]);
    // Far-off words are not typos.
    expect(ids(await search('john wheeler'))).toEqual([]);

    const renamed = await fd.patch(`/api/patients/${john.id}`, { familyName: 'Okonkwo' }, { 'if-match': `"${john.version}"` });
    expect(renamed.statusCode, renamed.body).toBe(200);
    expect(ids(await search('okonkwo'))).toEqual([john.id]);
    expect(ids(await search('okonkow john'))).toEqual([john.id]);
    expect(ids(await search('whitaker'))).toEqual([]);
  });

  it('pages with a cursor, caps the page size at 100, and never shows another organization', async () => {
    const org = await t.newOrg();
    const other = await t.newOrg();
    await seed(other);
    const fd = t.as(org, 'front_desk');
    for (let i = 0; i < 7; i++) {
      const res = await fd.post('/api/patients', { givenName: `Pat${'abcdefg'[i]}`, familyName: 'Nguyen', birthDate: `1990-01-0${i + 1}` });
      expect(res.statusCode, res.body).toBe(201);
    }
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const url = `/api/patients?q=nguyen&limit=3${cursor ? `&cursor=${cursor}` : ''}`;
      const res = await fd.get(url);
      expect(res.statusCode, res.body).toBe(200);
      const body = res.json();
      expect(body.items.length).toBeLessThanOrEqual(3);
      seen.push(...body.items.map((i: Item) => i.id));
      cursor = body.nextCursor;
    } while (cursor);
    expect(seen.length).toBe(7);
    expect(new Set(seen).size).toBe(7);
    expect((await fd.get('/api/patients?q=smith')).json().items).toEqual([]);
    expect((await fd.get('/api/patients?q=x&limit=101')).statusCode).toBe(400);
    expect((await fd.get('/api/patients?q=x&cursor=garbage')).statusCode).toBe(400);
    expect((await fd.get('/api/patients?q=x&bogus=1')).statusCode).toBe(400);
  });

  it('writes one audit row per search, without the query text', async () => {
    const org = await t.newOrg();
    await seed(org);
    await t.as(org, 'front_desk').get('/api/patients?q=smith%201980-03-07');
    const rows = await t.db
      .selectFrom('audit_events')
      .selectAll()
      .where('organization_id', '=', org.id)
      .where('action', '=', 'search')
      .execute();
    expect(rows.length).toBe(1);
    expect(rows[0]?.patient_id).toBeNull();
    expect(rows[0]?.details).toMatchObject({ resultCount: 1, criteria: ['names', 'birthDates'] });
    expect(JSON.stringify(rows[0]?.details)).not.toMatch(/smith|1980/i);
  });
});

describe('typo matching only when prefixes do not fill the page', () => {
  it('keeps one mode for every page of a search, and falls back to typos for a short result', async () => {
    const org = await t.newOrg();
    const fd = t.as(org, 'front_desk');
    const made: Item[] = [];
    for (const [givenName, familyName, birthDate] of [
      ['Ann', 'Lindqvist', '1970-01-02'],
      ['Bea', 'Lindqvist', '1971-02-03'],
      ['Cal', 'Lindqvist', '1972-03-04'],
      ['Dee', 'Lindqvits', '1973-04-05'],
    ] as const) {
      const res = await fd.post('/api/patients', { givenName, familyName, birthDate, confirmNotDuplicate: true });
      expect(res.statusCode, res.body).toBe(201);
      made.push(res.json() as Item);
    }
    const typoOnly = made[3] as Item;
    // A full page of exact matches: the misspelt record stays out, on every page.
    const first = await fd.get('/api/patients?q=lindqvist&limit=2');
    expect(first.json().items).toHaveLength(2);
    const second = await fd.get(`/api/patients?q=lindqvist&limit=2&cursor=${first.json().nextCursor}`);
    const paged = [...ids(first), ...ids(second)];
    expect(new Set(paged).size).toBe(3);
    expect(paged).not.toContain(typoOnly.id);
    // Exact matches do not fill the page: typo matches join, ranked after them.
    const wide = ids(await fd.get('/api/patients?q=lindqvist&limit=10'));
    expect(wide).toHaveLength(4);
    expect(wide[3]).toBe(typoOnly.id);
  });
});

/**
 * Registries where many names sound alike and differ by a letter or two. The work a search
 * does is checked by counts (candidate words, rows its plan ranked, how it scanned), never by timing.
 */
describe('sound-alike clusters: correct top results, bounded work', () => {
  type Row = { given: string; family: string; middle?: string; birth?: string };

  /** Many patients in one statement (the search reads what registration would have written). */
  async function insertPatients(org: TestOrg, rows: Row[]): Promise<string[]> {
    const res = await sql<{ id: string }>`
      insert into patients (organization_id, mrn, given_name, middle_name, family_name, birth_date)
      select ${org.id}::uuid, nextval('patient_mrn_seq')::text, g, m, f, b::date
        from unnest(${rows.map((r) => r.given)}::text[], ${rows.map((r) => r.middle ?? null)}::text[],
                    ${rows.map((r) => r.family)}::text[], ${rows.map((r) => r.birth ?? '1970-01-01')}::text[]) as t(g, m, f, b)
      returning id`.execute(t.db);
    // A registry in use has statistics (autovacuum): without them the planner guesses every key rare.
    await sql`analyze patients, patient_name_words`.execute(t.db);
    return res.rows.map((r) => r.id);
  }

  /** Every one- and two-edit spelling of `word` a clerk might type (substitutions by vowel or sound, doubled, dropped, swapped letters). */
  function variants(word: string, max: number): string[] {
    const out = new Set<string>();
    const subs: Record<string, string> = { a: 'e', e: 'a', i: 'y', y: 'i', o: 'u', u: 'o', t: 'd', d: 't', s: 'z', m: 'n', n: 'm', h: 'j' };
    const one = (w: string) => {
      const r: string[] = [];
      for (let i = 1; i < w.length; i++) {
        r.push(w.slice(0, i) + w.slice(i + 1)); // dropped
        r.push(w.slice(0, i) + (w[i] ?? '') + w.slice(i)); // doubled
        if (i + 1 < w.length) r.push(w.slice(0, i) + (w[i + 1] ?? '') + (w[i] ?? '') + w.slice(i + 2)); // swapped
        const c = subs[w[i] ?? ''];
        if (c) r.push(w.slice(0, i) + c + w.slice(i + 1));
        r.push(`${w.slice(0, i)}h${w.slice(i)}`);
      }
      return r;
    };
    for (const a of one(word)) {
      out.add(a);
      for (const b of one(a)) out.add(b);
    }
    out.delete(word);
    return [...out].slice(0, max);
  }
  const cap = (w: string) => (w[0] ?? '').toUpperCase() + w.slice(1);

  /**
   * What a page query's plan did: how many candidates it ranked (the rows of its `found` CTE)
   * and whether any scan of `patients` walked the table or an index in order (rather than a
   * bitmap of its matching keys, which a limit stops after the rows it needs).
   */
  async function planOf(ctx: TestOrg['ctx'], build: (c: TestOrg['ctx']) => { compile(db: typeof t.db): CompiledQuery }) {
    return t.db.transaction().execute(async (tx) => {
      const c = { ...ctx, db: tx };
      await boundScans(c);
      const q = build(c).compile(tx);
      const res = await tx.executeQuery<{ 'QUERY PLAN': { Plan: PlanNode }[] }>(
        CompiledQuery.raw(`explain (analyze, format json) ${q.sql}`, [...q.parameters]),
      );
      let ranked = -1;
      let walked = false;
      const indexScans: { index: string; rows: number }[] = [];
      const walk = (n: PlanNode) => {
        if (n['Subplan Name'] === 'CTE found') ranked = n['Actual Rows'] ?? -1;
        if (n['Relation Name'] === 'patients' && n['Node Type'] !== 'Bitmap Heap Scan') walked = true;
        if (n['Node Type'] === 'Bitmap Index Scan' && n['Index Name']?.startsWith('patients_'))
          indexScans.push({ index: n['Index Name'], rows: n['Actual Rows'] ?? -1 });
        for (const k of n.Plans ?? []) walk(k);
      };
      walk(res.rows[0]?.['QUERY PLAN'][0]?.Plan as PlanNode);
      return { ranked, walked, indexScans };
    });
  }
  type PlanNode = {
    'Node Type': string;
    'Subplan Name'?: string;
    'Relation Name'?: string;
    'Index Name'?: string;
    'Actual Rows'?: number;
    Plans?: PlanNode[];
  };

  const GIVEN = ['Anh', 'Minh', 'Thanh', 'Linh', 'Huong', 'Hoa', 'Tuan', 'Duc', 'Lan', 'Mai'];

  it('a registry a third Nguyen/Tran/Le/Pham/Huynh: exact names first, typos ranked by distance, every set capped', async () => {
    const org = await t.newOrg();
    const rows: Row[] = [];
    // More Nguyen than a search ranks (twice over), each with a given and a middle name.
    for (let i = 0; i < 2 * CANDIDATE_ROWS + 500; i++)
      rows.push({ given: GIVEN[i % GIVEN.length] as string, middle: i % 3 ? 'Van' : 'Thi', family: 'Nguyen' });
    for (let i = 0; i < 60; i++) rows.push({ given: GIVEN[i % GIVEN.length] as string, family: 'Nguyễn' });
    for (let i = 0; i < 300; i++) rows.push({ given: GIVEN[i % GIVEN.length] as string, family: i % 10 ? 'Tran' : 'Trần' });
    for (let i = 0; i < 200; i++) rows.push({ given: GIVEN[i % GIVEN.length] as string, family: i % 10 ? 'Le' : 'Lê' });
    for (let i = 0; i < 100; i++) rows.push({ given: GIVEN[i % GIVEN.length] as string, family: i % 2 ? 'Pham' : 'Huynh' });
    // Hundreds of one- and two-letter misspellings of Nguyen, as clerks typed them (never "nguyne").
    const misspelt = variants('nguyen', 400).filter((v) => !v.startsWith('nguyne'));
    for (const v of misspelt) rows.push({ given: 'Anh', family: cap(v) });
    rows.push({ given: 'Bao', family: 'Tram' }, { given: 'Quang', family: 'Trann' });
    await insertPatients(org, rows);
    const fd = t.as(org, 'front_desk');
    const search = async (q: string, limit = 25) => {
      const res = await fd.get(`/api/patients?q=${encodeURIComponent(q)}&limit=${limit}`);
      expect(res.statusCode, res.body).toBe(200);
      return res.json() as {
        items: (Item & { score: number; middleName: string | null })[];
        nextCursor: string | null;
        truncated: boolean;
      };
    };

    // The whole cluster is more than one search ranks: the answer says so, and pages stay apart.
    const nguyen = await search('nguyen');
    expect(nguyen.items).toHaveLength(25);
    expect(nguyen.truncated).toBe(true);
    expect(nguyen.items.every((i) => i.familyName === 'Nguyen' && i.score === 110)).toBe(true);
    const again = await search('nguyen');
    expect(again.items.map((i) => i.id)).toEqual(nguyen.items.map((i) => i.id));
    const next = await fd.get(`/api/patients?q=nguyen&limit=25&cursor=${nguyen.nextCursor}`);
    const nextIds = (next.json() as { items: Item[] }).items.map((i) => i.id);
    expect(nextIds).toHaveLength(25);
    expect(nextIds.filter((id) => nguyen.items.some((i) => i.id === id))).toEqual([]);

    // Given and family names in either order, with the middle name.
    const anh = await search('anh thi nguyen');
    expect(anh.items.length).toBeGreaterThan(0);
    expect(anh.items.every((i) => i.familyName === 'Nguyen' && i.givenName === 'Anh' && i.middleName === 'Thi')).toBe(true);

    // A misspelling nobody has: the nearest word first (a swapped pair), never the far ones above it.
    const typo = await search('nguyne lan');
    expect(typo.items[0]?.familyName).toBe('Nguyen');
    expect(typo.items[0]?.givenName).toBe('Lan');
    const [nguyne] = await expandNameTerms(org.ctx, ['nguyne'], true);
    expect(nguyne?.nearTypos).toContain('nguyen');
    expect((nguyne?.nearTypos.length ?? 0) + (nguyne?.farTypos.length ?? 0)).toBeLessThanOrEqual(NAME_SEARCH_BOUNDS.typoWordsPerToken);
    // A misspelling someone has: that patient first, then the typo matches.
    const present = misspelt.find((v) => v.length === 6 && v.startsWith('ngu')) as string;
    const found = await search(present, 10);
    expect(found.items[0]?.familyName.toLowerCase()).toBe(present);
    expect(found.items[0]?.score).toBe(110);
    // Accented spellings fold both ways (migration 0124): "Trần" is the word "tran", so "tran"
    // and "trần" each find Tran and Trần alike, as whole words.
    const ids = (r: { items: Item[] }) => r.items.map((i) => i.id);
    expect(ids(await search('trần', 100))).toEqual(ids(await search('tran', 100)));
    const families: string[] = [];
    let cursor: string | null = null;
    for (let page = 0; page < 5; page++) {
      const res = await fd.get(`/api/patients?q=${encodeURIComponent('trần')}&limit=100${cursor ? `&cursor=${cursor}` : ''}`);
      const body = res.json() as { items: (Item & { score: number })[]; nextCursor: string | null };
      families.push(...body.items.filter((i) => i.score === 110).map((i) => i.familyName));
      cursor = body.nextCursor;
      if (!cursor) break;
    }
    expect(families.filter((f) => f === 'Trần')).toHaveLength(30);
    expect(families.filter((f) => f === 'Tran')).toHaveLength(270);

    // Bounded work: three tokens of typos stay within the search-wide cap, and the widest
    // searches (one letter, the cluster's name, its misspellings) rank at most CANDIDATE_ROWS + 1
    // of the 2 × CANDIDATE_ROWS + 500 Nguyen, found through bitmaps of their keys.
    const three = await expandNameTerms(org.ctx, ['nguyne', 'ngyuen', 'nguyeen'], true);
    const words = three.reduce((s, e) => s + e.nearTypos.length + e.farTypos.length, 0);
    expect(words).toBeGreaterThan(0);
    expect(words).toBeLessThanOrEqual(NAME_SEARCH_BOUNDS.typoWordsTotal);
    for (const e of three) expect(e.nearTypos.length + e.farTypos.length).toBeLessThanOrEqual(NAME_SEARCH_BOUNDS.typoWordsPerToken);
    const terms = (q: string) => parseSearch(q, new Date());
    for (const [q, typos] of [
      ['n', false],
      ['nguyen', false],
      ['ngyuen', true],
      ['nguyne', true],
    ] as const) {
      const tokens = terms(q).names;
      const names = await expandNameTerms(org.ctx, tokens, typos);
      const plan = await planOf(org.ctx, (c) => searchPage(c, terms(q), names, { typos, limit: 25 }));
      expect(plan.walked, q).toBe(false);
      expect(plan.ranked, q).toBe(CANDIDATE_ROWS + 1);
    }
  });

  it('Smith, Smyth, Schmidt and hundreds of misspellings in one sound: the nearest word wins, candidates are capped', async () => {
    const org = await t.newOrg();
    const rows: Row[] = [];
    for (const [family, n] of [
      ['Smith', 300],
      ['Schmidt', 120],
      ['Smyth', 60],
      ['Smithe', 30],
      ['Smitt', 30],
      ['Schmitt', 30],
    ] as const) {
      for (let i = 0; i < n; i++) rows.push({ given: i % 3 ? 'Mary' : 'John', family });
    }
    const misspelt = variants('smith', 500).filter((v) => !v.startsWith('smiht'));
    for (const v of misspelt) rows.push({ given: 'John', family: cap(v) });
    await insertPatients(org, rows);
    const fd = t.as(org, 'front_desk');
    const search = async (q: string, limit = 25) =>
      (await fd.get(`/api/patients?q=${encodeURIComponent(q)}&limit=${limit}`)).json() as {
        items: (Item & { score: number })[];
        truncated: boolean;
      };

    // Exact words fill the page: no typo pass, every result a Smyth.
    expect((await search('smyth')).items.every((i) => i.familyName === 'Smyth')).toBe(true);
    // "smiht" is one swap from smith, two edits from most of the cluster: John Smith first.
    const [smiht] = await expandNameTerms(org.ctx, ['smiht'], true);
    expect(smiht?.nearTypos).toContain('smith');
    expect((smiht?.nearTypos.length ?? 0) + (smiht?.farTypos.length ?? 0)).toBeLessThanOrEqual(NAME_SEARCH_BOUNDS.typoWordsPerToken);
    // Equally near, the common spelling first: every John Smith before the one-off misspellings.
    const john = await search('john smiht', 100);
    expect(john.items.slice(0, 100).every((i) => i.givenName === 'John' && i.familyName === 'Smith' && i.score === 180)).toBe(true);
    // One letter: a full page, read within the cap. Every name here begins with s, so the
    // answer says truncated exactly when the registry holds more than the cap.
    const s = await search('s');
    expect(s.items).toHaveLength(25);
    expect(rows.length).toBeGreaterThan(CANDIDATE_ROWS);
    expect(s.truncated).toBe(true);
    const names = await expandNameTerms(org.ctx, ['s'], false);
    const plan = await planOf(org.ctx, (c) => searchPage(c, parseSearch('s', new Date()), names, { typos: false, limit: 25 }));
    expect(plan.walked).toBe(false);
    expect(plan.ranked).toBeLessThanOrEqual(CANDIDATE_ROWS + 1);
  });

  it('generational and numeric suffixes, twins and families sharing names', async () => {
    const org = await t.newOrg();
    const rows: Row[] = [];
    for (const suffix of ['', 'Jr', 'Sr', 'II', 'III', 'IV']) {
      for (let i = 0; i < 40; i++)
        rows.push({ given: i % 2 ? 'John' : 'James', family: suffix ? `Lee ${suffix}` : 'Lee', birth: '1950-01-01' });
    }
    for (let n = 2; n <= 40; n++) rows.push({ given: 'Min', family: `Kim ${n}` });
    for (let n = 1; n <= 200; n++) rows.push({ given: 'Ada', family: `Okafor ${n}` });
    for (let i = 0; i < 300; i++) rows.push({ given: 'Maria', family: 'Garcia', birth: `19${50 + (i % 50)}-01-01` });
    await insertPatients(org, rows);
    const [twinA, twinB] = await insertPatients(org, [
      { given: 'Maria', family: 'Garcia', birth: '2001-06-15' },
      { given: 'Maria', family: 'Garcia', birth: '2001-06-15' },
    ]);
    const fd = t.as(org, 'front_desk');
    const search = async (q: string, limit = 25) =>
      (await fd.get(`/api/patients?q=${encodeURIComponent(q)}&limit=${limit}`)).json() as { items: (Item & { score: number })[] };

    // The 20 John Lee III first (whole words); "iii" is one edit from "ii", so the John Lee II follow.
    const iii = await search('john lee iii', 100);
    expect(iii.items.slice(0, 20).every((i) => i.familyName === 'Lee III' && i.givenName === 'John' && i.score === 330)).toBe(true);
    expect(iii.items.slice(20).every((i) => i.familyName === 'Lee II' && i.score < 330)).toBe(true);
    const jr = await search('lee jr');
    expect(jr.items.every((i) => i.familyName === 'Lee Jr')).toBe(true);
    // "Kim 12" is also the word kim12: a whole word first, then the words it begins.
    const kim12 = await search('kim12');
    expect(kim12.items[0]).toMatchObject({ familyName: 'Kim 12', score: 110 });
    expect(kim12.items.slice(1).every((i) => i.score < 110)).toBe(true);
    const kim1 = await search('kim1', 100);
    expect(kim1.items.slice(0, 10).map((i) => i.familyName)).toEqual(Array.from({ length: 10 }, (_, k) => `Kim 1${k}`));
    expect(kim1.items.slice(10).every((i) => i.score < 100)).toBe(true);
    // "okafor1" begins 111 words (okafor1, okafor10…, okafor100…), more than a search lists:
    // matched by the key of its first four letters and rechecked, the whole word first.
    const [okafor1] = await expandNameTerms(org.ctx, ['okafor1'], false);
    expect(okafor1).toMatchObject({ prefixKeys: ['^okaf'], prefixRecheck: true });
    const okafor = await search('okafor1', 100);
    expect(okafor.items[0]).toMatchObject({ familyName: 'Okafor 1', score: 110 });
    expect(okafor.items.slice(1).every((i) => i.familyName.startsWith('Okafor 1') && i.score === 100)).toBe(true);
    expect(okafor.items).toHaveLength(100);
    // Twins with one name and birth date: both, in a stable order.
    const twins = await search('maria garcia 6/15/2001');
    expect(twins.items.map((i) => i.id).sort()).toEqual([twinA, twinB].sort());
    expect((await search('maria garcia 6/15/2001')).items.map((i) => i.id)).toEqual(twins.items.map((i) => i.id));
  });

  it("reads its own practice's keys: another practice's patients of the same names cost it nothing", async () => {
    // Two practices in one database, the second with four times the first's Smiths, and a third
    // whose id shares the first's 8 leading hex digits (the index's prefix), so shares its keys.
    const mine = await t.newOrg();
    const theirs = await t.newOrg();
    const twinId = `${mine.id.slice(0, 8)}-0000-4000-8000-000000000000`;
    await sql`insert into organizations (id, name) values (${twinId}::uuid, 'Same prefix practice')`.execute(t.db);
    const twin = { id: twinId } as TestOrg;
    const smiths = (n: number, birth?: string): Row[] =>
      Array.from({ length: n }, (_, i) => ({ given: i % 2 ? 'Sam' : 'Sue', family: 'Smith', ...(birth ? { birth } : {}) }));
    await insertPatients(mine, [...smiths(146), ...smiths(4, '1980-03-07')]);
    await insertPatients(theirs, [...smiths(596), ...smiths(4, '1980-03-07')]);
    await insertPatients(twin, smiths(40));
    const planFor = async (q: string) => {
      const terms = parseSearch(q, new Date());
      const names = await expandNameTerms(mine.ctx, terms.names, false);
      return planOf(mine.ctx, (c) => searchPage(c, terms, names, { typos: false, limit: 25 }));
    };
    for (const q of ['smith', 's', 'sam smith']) {
      const plan = await planFor(q);
      const expected = q === 'sam smith' ? 75 : 150;
      expect(plan.ranked, q).toBe(expected);
      // One bitmap of the name index, holding this practice's matches and those of the practice
      // sharing its prefix only (the organization filter drops those): none of the other's, and
      // no bitmap of the practice's whole registry to AND them away.
      expect(plan.indexScans, q).toEqual([{ index: 'patients_search_keys', rows: expected + (q === 'sam smith' ? 20 : 40) }]);
    }
    // With a birth date, the practice's birth-date index finds its 4 Smiths born that day.
    const dated = await planFor('smith 3/7/1980');
    expect(dated.ranked).toBe(4);
    expect(dated.indexScans.find((s) => s.index === 'patients_org_birth_date')?.rows).toBe(4);
    // Through the API, page by page: this practice's 150 Smiths, none of the others'.
    const seen = new Set<string>();
    let cursor: string | null = null;
    do {
      const res = await t.as(mine, 'front_desk').get(`/api/patients?q=smith&limit=100${cursor ? `&cursor=${cursor}` : ''}`);
      expect(res.statusCode, res.body).toBe(200);
      const page = res.json() as { items: Item[]; nextCursor: string | null };
      for (const i of page.items) seen.add(i.id);
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen.size).toBe(150);
    const others = await sql<{
      id: string;
    }>`select id from patients where organization_id in (${theirs.id}::uuid, ${twinId}::uuid)`.execute(t.db);
    expect(others.rows).toHaveLength(640);
    expect(others.rows.filter((r) => seen.has(r.id))).toEqual([]);
  });

  it('lists the registry in name order without terms, page by page', async () => {
    const org = await t.newOrg();
    await insertPatients(org, [
      { given: 'Cy', family: 'Able' },
      { given: 'Al', family: 'Able' },
      { given: 'Bo', family: 'Baker' },
      { given: 'Di', family: 'Cole' },
    ]);
    const fd = t.as(org, 'front_desk');
    const first = (await fd.get('/api/patients?limit=3')).json() as { items: Item[]; nextCursor: string };
    expect(first.items.map((i) => `${i.givenName} ${i.familyName}`)).toEqual(['Al Able', 'Cy Able', 'Bo Baker']);
    const second = (await fd.get(`/api/patients?limit=3&cursor=${first.nextCursor}`)).json() as {
      items: Item[];
      nextCursor: string | null;
    };
    expect(second.items.map((i) => i.familyName)).toEqual(['Cole']);
    expect(second.nextCursor).toBeNull();
  });
});
