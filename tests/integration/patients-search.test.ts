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
