/**
 * The practice's procedure list: add, edit with If-Match, search, CSV export and import (fees as
 * text into cents, upsert by code, bad rows named and nothing changed), another practice's
 * entries as missing ones, and who may change it.
 */
import { findProcedures } from '@domain/codes/index.ts';
import { describe, expect, it } from 'vitest';
import { createTestApp } from '../helpers/test-app.ts';

const t = await createTestApp();

async function importCsv(org: Awaited<ReturnType<typeof t.newOrg>>, text: string, role: 'biller' | 'admin' | 'nurse' = 'biller') {
  return t.app.inject({
    method: 'POST',
    url: '/api/procedures/import',
    headers: { authorization: `Bearer ${org.users[role].token}`, 'content-type': 'text/csv' },
    payload: text,
  });
}

describe('procedure list', () => {
  it('is added to, edited with If-Match (428 without, 412 stale), searched, and each change is audited', async () => {
    const org = await t.newOrg();
    const manager = t.as(org, 'office_manager');
    const created = await manager.post('/api/procedures', {
      code: ' 99213',
      description: 'Office visit, established, low',
      defaultFeeCents: 15000,
    });
    expect(created.statusCode, created.body).toBe(201);
    const entry = created.json();
    expect(entry).toMatchObject({
      code: '99213',
      description: 'Office visit, established, low',
      defaultFeeCents: 15000,
      takesUnits: false,
      active: true,
      version: 1,
    });
    expect(created.headers.etag).toBe('"1"');
    const hcpcs = await manager.post('/api/procedures', {
      code: 'g0439',
      description: 'Annual wellness visit, yearly',
      defaultFeeCents: 17500,
    });
    expect(hcpcs.json().code).toBe('G0439');

    const again = await manager.post('/api/procedures', { code: '99213', description: 'Twice', defaultFeeCents: 1 });
    expect(again.statusCode).toBe(409);
    expect(again.json().errors[0].path).toBe('code');
    for (const bad of [
      { code: '9921', description: 'x', defaultFeeCents: 1 },
      { code: 'Z1234', description: 'x', defaultFeeCents: 1 },
      { code: '99214', description: 'x', defaultFeeCents: -1 },
      { code: '99214', description: 'x', defaultFeeCents: 12.5 },
      { code: '99214', description: '  ', defaultFeeCents: 100 },
    ]) {
      const res = await manager.post('/api/procedures', bad);
      expect(res.statusCode, JSON.stringify(bad)).toBe(400);
      expect(res.json().errors.length).toBeGreaterThan(0);
    }

    expect((await manager.patch(`/api/procedures/${entry.id}`, { defaultFeeCents: 16000 })).statusCode).toBe(428);
    const edited = await manager.patch(`/api/procedures/${entry.id}`, { defaultFeeCents: 16000, takesUnits: true }, { 'if-match': '"1"' });
    expect(edited.statusCode, edited.body).toBe(200);
    expect(edited.json()).toMatchObject({ defaultFeeCents: 16000, takesUnits: true, version: 2 });
    const stale = await manager.patch(`/api/procedures/${entry.id}`, { description: 'Lost' }, { 'if-match': '"1"' });
    expect(stale.statusCode).toBe(412);
    expect(stale.json().current.defaultFeeCents).toBe(16000);
    const off = await manager.patch(`/api/procedures/${entry.id}`, { active: false }, { 'if-match': '"2"' });
    expect(off.json()).toMatchObject({ active: false, version: 3 });

    const codes = async (query: string) =>
      ((await t.as(org, 'front_desk').get(`/api/procedures${query}`)).json().items as { code: string }[]).map((p) => p.code);
    expect(await codes('')).toEqual(['G0439']);
    expect(await codes('?includeInactive=true')).toEqual(['99213', 'G0439']);
    expect(await codes('?q=wellness')).toEqual(['G0439']);
    expect(await codes('?q=g04')).toEqual(['G0439']);
    expect(await codes('?q=992&includeInactive=true')).toEqual(['99213']);
    expect(await codes('?q=%25')).toEqual([]);

    const found = await findProcedures(org.ctx, ['99213', 'g0439', '99999']);
    expect(found.get('99213')).toEqual({
      code: '99213',
      description: 'Office visit, established, low',
      defaultFeeCents: 16000,
      takesUnits: true,
      active: false,
    });
    expect(found.get('g0439')?.code).toBe('G0439');
    expect(found.has('99999')).toBe(false);

    const trail = await t.db
      .selectFrom('audit_events')
      .select(['action', 'resource_type', 'details', 'changes'])
      .where('organization_id', '=', org.id)
      .where('resource_id', '=', entry.id)
      .orderBy('seq')
      .execute();
    expect(trail.map((e) => `${e.action}:${e.resource_type}`)).toEqual(['create:procedure', 'update:procedure', 'update:procedure']);
    expect(trail[0]?.details).toEqual({ code: '99213', defaultFeeCents: 15000 });
    expect(trail[1]?.changes).toEqual({ defaultFeeCents: { before: 15000, after: 16000 }, takesUnits: { before: false, after: true } });
  });

  it('exports as CSV and imports it back: fees as text into cents, upsert by code, the round trip changes nothing', async () => {
    const org = await t.newOrg();
    const file = [
      'code,description,fee,units',
      '99214,"Office visit, established, moderate",215.00,no',
      '36415,Blood draw,15,',
      '90472,"Vaccine admin, each additional",18.5,yes',
      'j1030,"=Depo-Medrol 40 mg",$1,234.56,yes',
    ].join('\r\n');
    // The fourth row's fee has a thousands comma outside quotes: that is a fifth column, not a fee.
    const badShape = await importCsv(org, file);
    expect(badShape.statusCode).toBe(400);
    const good = file.replace('$1,234.56', '"$1,234.56"');
    const first = await importCsv(org, good);
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json()).toEqual({ created: 4, updated: 0, unchanged: 0 });
    const list = (await t.as(org, 'biller').get('/api/procedures')).json().items as {
      code: string;
      defaultFeeCents: number;
      takesUnits: boolean;
      description: string;
    }[];
    expect(list.map((p) => [p.code, p.defaultFeeCents, p.takesUnits])).toEqual([
      ['36415', 1500, false],
      ['90472', 1850, true],
      ['99214', 21500, false],
      ['J1030', 123456, true],
    ]);

    const exported = await t.as(org, 'front_desk').get('/api/procedures/export.csv');
    expect(exported.statusCode).toBe(200);
    expect(exported.headers['content-type']).toMatch(/^text\/csv/);
    expect(exported.body).toBe(
      [
        'code,description,fee,units',
        '36415,Blood draw,15.00,no',
        '90472,"Vaccine admin, each additional",18.50,yes',
        '99214,"Office visit, established, moderate",215.00,no',
        // A description a spreadsheet would run as a formula is defused.
        "J1030,'=Depo-Medrol 40 mg,1234.56,yes",
        '',
      ].join('\r\n'),
    );
    // The defused cell reads back with its quote: export what you import, except formulas.
    const round = await importCsv(org, exported.body.replace("'=Depo", '=Depo'));
    expect(round.json()).toEqual({ created: 0, updated: 0, unchanged: 4 });

    const changed = await importCsv(org, 'code,description,fee,units\n36415,Venipuncture,16.00,no\n93000,ECG with report,45.00,no\n');
    expect(changed.json()).toEqual({ created: 1, updated: 1, unchanged: 0 });
    const venipuncture = list.find((p) => p.code === '36415');
    expect(venipuncture).toBeDefined();
    const after = (await t.as(org, 'biller').get('/api/procedures')).json().items as {
      code: string;
      description: string;
      defaultFeeCents: number;
      version: number;
    }[];
    expect(after.find((p) => p.code === '36415')).toMatchObject({ description: 'Venipuncture', defaultFeeCents: 1600, version: 2 });
    expect(after).toHaveLength(5);
  });

  it('refuses a file with bad rows, naming each row and column, and changes nothing', async () => {
    const org = await t.newOrg();
    await importCsv(org, 'code,description,fee,units\n99213,Office visit,150.00,no\n');
    const before = (await t.as(org, 'biller').get('/api/procedures')).json();
    const bad = await importCsv(
      org,
      [
        'code,description,fee,units',
        '99213,Office visit,175.00,no',
        '9921,Short code,10.00,no',
        '99215,,12.345,maybe',
        '99213,Again,1.00,no',
      ].join('\n'),
    );
    expect(bad.statusCode).toBe(400);
    expect(bad.headers['content-type']).toMatch(/problem\+json/);
    expect(bad.json().errors).toEqual([
      { path: 'rows.3.code', message: 'Row 3, code: "9921" is not a CPT code (5 digits) or a HCPCS code (a letter and 4 digits).' },
      { path: 'rows.4.description', message: 'Row 4, description: enter the practice description.' },
      { path: 'rows.4.fee', message: 'Row 4, fee: "12.345" is not an amount such as 125.00.' },
      { path: 'rows.4.units', message: 'Row 4, units: "maybe" is not yes or no.' },
      { path: 'rows.5.code', message: 'Row 5, code: 99213 is already on row 2.' },
    ]);
    expect((await t.as(org, 'biller').get('/api/procedures')).json()).toEqual(before);
    const noHeader = await importCsv(org, '99213,Office visit,150.00,no\n');
    expect(noHeader.statusCode).toBe(400);
    expect(noHeader.json().errors[0].path).toBe('rows.1');
    const json = await t.as(org, 'biller').post('/api/procedures/import', { code: '99213' });
    expect(json.statusCode).toBe(415);
  });

  it("keeps each practice's list to itself: another practice's entry is 404, and its codes are not found", async () => {
    const mine = await t.newOrg();
    const theirs = await t.newOrg();
    const their = (
      await t.as(theirs, 'admin').post('/api/procedures', { code: '99395', description: 'Their physical', defaultFeeCents: 22500 })
    ).json();
    const res = await t.as(mine, 'admin').patch(`/api/procedures/${their.id}`, { defaultFeeCents: 1 }, { 'if-match': '"1"' });
    expect(res.statusCode).toBe(404);
    expect((await t.as(mine, 'admin').get('/api/procedures?includeInactive=true')).json().items).toEqual([]);
    expect((await t.as(mine, 'admin').get('/api/procedures/export.csv')).body).toBe('code,description,fee,units\r\n');
    expect((await findProcedures(mine.ctx, ['99395'])).size).toBe(0);
    // Row-level security: even unfiltered, the practice's connection sees only its own rows.
    const { runInTenantScope } = await import('@db/index.ts');
    const seen = await runInTenantScope(() => t.db.selectFrom('procedures').select('code').execute(), mine.id);
    expect(seen).toEqual([]);
    const unchanged = (await t.as(theirs, 'admin').get('/api/procedures')).json().items[0];
    expect(unchanged).toMatchObject({ defaultFeeCents: 22500, version: 1 });
  });

  it('lets only admin, office manager and biller change the list (nurses, front desk and clinicians read it)', async () => {
    const org = await t.newOrg();
    for (const role of ['nurse', 'front_desk', 'clinician'] as const) {
      const add = await t.as(org, role).post('/api/procedures', { code: '99213', description: 'Visit', defaultFeeCents: 100 });
      expect(add.statusCode, role).toBe(403);
      expect((await t.as(org, role).get('/api/procedures')).statusCode).toBe(200);
    }
    const nurseImport = await importCsv(org, 'code,description,fee,units\n99213,Visit,1.00,no\n', 'nurse');
    expect(nurseImport.statusCode).toBe(403);
    const entry = (await t.as(org, 'biller').post('/api/procedures', { code: '99213', description: 'Visit', defaultFeeCents: 100 })).json();
    expect(
      (await t.as(org, 'front_desk').patch(`/api/procedures/${entry.id}`, { defaultFeeCents: 1 }, { 'if-match': '"1"' })).statusCode,
    ).toBe(403);
    expect((await t.as(org, 'admin').patch(`/api/procedures/${entry.id}`, { defaultFeeCents: 1 }, { 'if-match': '"1"' })).statusCode).toBe(
      200,
    );
  });
});
