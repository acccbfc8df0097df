/**
 * Fee schedules: the standard schedule's dated prices (the price in force on a day; overlapping
 * dates refused by the database, also behind the API's back), payers' contracted amounts (only
 * the organization's payers), edits with If-Match, CSV export → import round trip and row-level
 * errors that change nothing, and who may read and write them.
 */
import { priceOn } from '@domain/billing/index.ts';
import { inTransaction } from '@domain/shared/context.ts';
import { describe, expect, it } from 'vitest';
import type { TestOrg } from '../helpers/factories.ts';
import { createTestApp } from '../helpers/test-app.ts';

const t = await createTestApp();

type Entry = {
  id: string;
  code: string;
  modifier: string;
  amountCents: number;
  effectiveFrom: string;
  effectiveTo: string | null;
  version: number;
};

const importCsv = (org: TestOrg, url: string, text: string, role: 'biller' | 'front_desk' = 'biller') =>
  t.app.inject({
    method: 'POST',
    url,
    headers: { authorization: `Bearer ${org.users[role].token}`, 'content-type': 'text/csv' },
    payload: text,
  });

async function add(org: TestOrg, body: Record<string, unknown>, url = '/api/fee-schedule') {
  const res = await t.as(org, 'biller').post(url, body);
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as Entry;
}

async function payer(org: TestOrg, name = 'Aetna') {
  const res = await t.as(org, 'admin').post('/api/payers', { name: `${name} ${crypto.randomUUID().slice(0, 6)}` });
  expect(res.statusCode, res.body).toBe(201);
  return (res.json() as { id: string }).id;
}

describe('the standard fee schedule', () => {
  it('prices a code on the date of service from the entry in force that day, the modifier’s own price first', async () => {
    const org = await t.newOrg();
    await add(org, { code: '99213', amountCents: 14000, effectiveFrom: '2025-01-01', effectiveTo: '2025-12-31' });
    await add(org, { code: '99213', amountCents: 15000, effectiveFrom: '2026-01-01' });
    await add(org, { code: '99213', modifier: '25', amountCents: 15500, effectiveFrom: '2026-01-01' });
    const price = (code: string, modifier: string, day: string) => inTransaction(org.ctx, (tx) => priceOn(tx, code, modifier, day));
    expect(await price('99213', '', '2025-12-31')).toEqual({ unitPriceCents: 14000, source: 'fee_schedule' });
    expect(await price('99213', '', '2026-01-01')).toEqual({ unitPriceCents: 15000, source: 'fee_schedule' });
    expect(await price('99213', '25', '2026-03-02')).toEqual({ unitPriceCents: 15500, source: 'fee_schedule' });
    // A modifier without its own price falls back to the code's plain price; before any entry, nothing prices it.
    expect(await price('99213', '59', '2026-03-02')).toEqual({ unitPriceCents: 15000, source: 'fee_schedule' });
    expect(await price('99213', '', '2024-06-01')).toEqual({ unitPriceCents: 0, source: 'none' });

    const inForce = await t.as(org, 'biller').get('/api/fee-schedule?on=2025-06-01');
    expect(inForce.json().items.map((e: Entry) => e.amountCents)).toEqual([14000]);
    const all = await t.as(org, 'biller').get('/api/fee-schedule?code=99213&limit=2');
    expect(all.json().items.map((e: Entry) => [e.modifier, e.effectiveFrom])).toEqual([
      ['', '2025-01-01'],
      ['', '2026-01-01'],
    ]);
    const next = await t.as(org, 'biller').get(`/api/fee-schedule?code=99213&limit=2&cursor=${all.json().nextCursor}`);
    expect(next.json()).toMatchObject({ items: [{ modifier: '25' }], nextCursor: null });
  });

  it('refuses overlapping dates for the same code and modifier: 409 naming effectiveFrom, and the database refuses too', async () => {
    const org = await t.newOrg();
    await add(org, { code: '36415', amountCents: 1500, effectiveFrom: '2026-01-01' });
    const overlap = await t.as(org, 'biller').post('/api/fee-schedule', { code: '36415', amountCents: 1600, effectiveFrom: '2026-06-01' });
    expect(overlap.statusCode).toBe(409);
    expect(overlap.json().errors[0].path).toBe('effectiveFrom');
    // Another modifier is another price.
    await add(org, { code: '36415', modifier: '90', amountCents: 1000, effectiveFrom: '2026-06-01' });
    // Written straight to the table, past the API: the exclusion constraint still refuses.
    await expect(
      t.db
        .insertInto('fee_schedule_entries')
        .values({
          organization_id: org.id,
          payer_id: null,
          code: '36415',
          modifier: '',
          amount_cents: 1,
          effective_from: '2027-01-01',
          effective_to: null,
        })
        .execute(),
    ).rejects.toMatchObject({ code: '23P01' });
    // Another practice's schedule is its own.
    const other = await t.newOrg();
    await add(other, { code: '36415', amountCents: 1700, effectiveFrom: '2026-01-01' });
    expect((await t.as(other, 'biller').get('/api/fee-schedule')).json().items).toHaveLength(1);
  });

  it('edits with If-Match (428 without, 412 stale): ending an entry makes room for the next price, and the change is audited', async () => {
    const org = await t.newOrg();
    const biller = t.as(org, 'biller');
    const entry = await add(org, { code: '93000', amountCents: 4500, effectiveFrom: '2026-01-01' });
    expect((await biller.patch(`/api/fee-schedule/${entry.id}`, { effectiveTo: '2026-06-30' })).statusCode).toBe(428);
    const ended = await biller.patch(`/api/fee-schedule/${entry.id}`, { effectiveTo: '2026-06-30' }, { 'if-match': '"1"' });
    expect(ended.statusCode, ended.body).toBe(200);
    expect(ended.headers.etag).toBe('"2"');
    expect((await biller.patch(`/api/fee-schedule/${entry.id}`, { amountCents: 1 }, { 'if-match': '"1"' })).statusCode).toBe(412);
    await add(org, { code: '93000', amountCents: 5000, effectiveFrom: '2026-07-01' });
    const back = await biller.patch(`/api/fee-schedule/${entry.id}`, { effectiveTo: null }, { 'if-match': '"2"' });
    expect(back.statusCode).toBe(409);
    const bad = await biller.patch(`/api/fee-schedule/${entry.id}`, { effectiveTo: '2025-01-01' }, { 'if-match': '"2"' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].path).toBe('effectiveTo');
    const audit = await t.db
      .selectFrom('audit_events')
      .select(['action', 'changes'])
      .where('organization_id', '=', org.id)
      .where('resource_type', '=', 'fee_schedule_entry')
      .where('resource_id', '=', entry.id)
      .orderBy('seq')
      .execute();
    expect(audit.map((a) => a.action)).toEqual(['create', 'update']);
    expect(audit[1]?.changes).toEqual({ effective_to: { before: null, after: '2026-06-30' } });
  });
});

describe('payer contracted amounts', () => {
  it('are kept per payer with their own dates; another practice’s payer is not found', async () => {
    const org = await t.newOrg();
    const [aetna, cigna] = [await payer(org, 'Aetna'), await payer(org, 'Cigna')];
    await add(org, { code: '99213', amountCents: 9800, effectiveFrom: '2026-01-01' }, `/api/payers/${aetna}/contract`);
    // The same code and dates for another payer, and for the standard schedule, do not overlap.
    await add(org, { code: '99213', amountCents: 10400, effectiveFrom: '2026-01-01' }, `/api/payers/${cigna}/contract`);
    await add(org, { code: '99213', amountCents: 15000, effectiveFrom: '2026-01-01' });
    const overlap = await t
      .as(org, 'biller')
      .post(`/api/payers/${aetna}/contract`, { code: '99213', amountCents: 1, effectiveFrom: '2026-02-01' });
    expect(overlap.statusCode).toBe(409);
    const list = await t.as(org, 'office_manager').get(`/api/payers/${aetna}/contract`);
    expect(list.json().items).toEqual([expect.objectContaining({ payerId: aetna, code: '99213', amountCents: 9800 })]);
    const entry = list.json().items[0] as Entry;
    const edited = await t
      .as(org, 'biller')
      .patch(`/api/payers/${aetna}/contract/${entry.id}`, { amountCents: 9900 }, { 'if-match': '"1"' });
    expect(edited.json()).toMatchObject({ amountCents: 9900, version: 2 });
    // The contract entry does not belong to Cigna's contract.
    expect(
      (await t.as(org, 'biller').patch(`/api/payers/${cigna}/contract/${entry.id}`, { amountCents: 1 }, { 'if-match': '"2"' })).statusCode,
    ).toBe(404);

    const other = await t.newOrg();
    const theirs = await payer(other);
    expect((await t.as(org, 'biller').get(`/api/payers/${theirs}/contract`)).statusCode).toBe(404);
    expect(
      (await t.as(org, 'biller').post(`/api/payers/${theirs}/contract`, { code: '99213', amountCents: 1, effectiveFrom: '2026-01-01' }))
        .statusCode,
    ).toBe(404);
    expect(
      (await t.as(other, 'biller').patch(`/api/payers/${aetna}/contract/${entry.id}`, { amountCents: 1 }, { 'if-match': '"2"' }))
        .statusCode,
    ).toBe(404);
  });

  it('are read with claim:read and written with fee-schedule:manage only', async () => {
    const org = await t.newOrg();
    const p = await payer(org);
    expect((await t.as(org, 'front_desk').get('/api/fee-schedule')).statusCode).toBe(403);
    expect((await t.as(org, 'clinician').get(`/api/payers/${p}/contract`)).statusCode).toBe(403);
    expect(
      (await t.as(org, 'clinician').post('/api/fee-schedule', { code: '99213', amountCents: 1, effectiveFrom: '2026-01-01' })).statusCode,
    ).toBe(403);
    expect(
      (await importCsv(org, '/api/fee-schedule/import', 'code,amount,effective_from\n99213,1,2026-01-01\n', 'front_desk')).statusCode,
    ).toBe(403);
  });
});

describe('CSV import and export', () => {
  it('round-trips: the export imports back unchanged; a listed entry is updated, a new one added', async () => {
    const org = await t.newOrg();
    const csv = [
      'code,modifier,amount,effective_from,effective_to',
      '99213,,140.00,2025-01-01,2025-12-31',
      '99213,,150,2026-01-01,',
      '99213,25,"$1,155.50",2026-01-01,',
      'j1030,,15.00,2026-01-01,',
    ].join('\n');
    const first = await importCsv(org, '/api/fee-schedule/import', csv);
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json()).toEqual({ created: 4, updated: 0, unchanged: 0 });
    const exported = await t.as(org, 'biller').get('/api/fee-schedule/export.csv');
    expect(exported.headers['content-type']).toMatch(/^text\/csv/);
    expect(exported.body).toBe(
      'code,modifier,amount,effective_from,effective_to\r\n' +
        '99213,,140.00,2025-01-01,2025-12-31\r\n' +
        '99213,,150.00,2026-01-01,\r\n' +
        '99213,25,1155.50,2026-01-01,\r\n' +
        'J1030,,15.00,2026-01-01,\r\n',
    );
    expect((await importCsv(org, '/api/fee-schedule/import', exported.body)).json()).toEqual({ created: 0, updated: 0, unchanged: 4 });
    // End this year's price in June and add July's: the listed entry changes, the new one fits after it.
    const next = 'code,modifier,amount,effective_from,effective_to\n99213,,150.00,2026-01-01,2026-06-30\n99213,,160.00,2026-07-01,\n';
    expect((await importCsv(org, '/api/fee-schedule/import', next)).json()).toEqual({ created: 1, updated: 1, unchanged: 0 });
    const july = await inTransaction(org.ctx, (tx) => priceOn(tx, '99213', '', '2026-07-01'));
    expect(july.unitPriceCents).toBe(16000);

    // A payer's contract has its own file.
    const p = await payer(org);
    const contract = await importCsv(org, `/api/payers/${p}/contract/import`, 'code,amount,effective_from\n99213,98.00,2026-01-01\n');
    expect(contract.json()).toEqual({ created: 1, updated: 0, unchanged: 0 });
    expect((await t.as(org, 'biller').get(`/api/payers/${p}/contract/export.csv`)).body).toBe(
      'code,modifier,amount,effective_from,effective_to\r\n99213,,98.00,2026-01-01,\r\n',
    );
  });

  it('names every bad row and column (rows.N.column), overlapping dates included, and imports nothing', async () => {
    const org = await t.newOrg();
    await add(org, { code: '36415', amountCents: 1500, effectiveFrom: '2026-01-01' });
    const csv = [
      'code,modifier,amount,effective_from,effective_to',
      '99213,,150.00,2026-01-01,',
      '9921,,150.00,2026-01-01,',
      '99214,2,ten,2026-13-01,',
      '99215,,300.00,2026-02-01,2026-01-01',
      '99213,,155.00,2026-03-01,',
      '36415,,16.00,2026-05-01,',
    ].join('\n');
    const res = await importCsv(org, '/api/fee-schedule/import', csv);
    expect(res.statusCode).toBe(400);
    expect(res.json().errors.map((e: { path: string }) => e.path)).toEqual([
      'rows.3.code',
      'rows.4.modifier',
      'rows.4.amount',
      'rows.4.effective_from',
      'rows.5.effective_to',
    ]);
    // With the shape right, dates overlapping each other or an entry already in the schedule are named too.
    const overlapping = await importCsv(
      org,
      '/api/fee-schedule/import',
      [csv.split('\n')[0], '99213,,150.00,2026-01-01,', '99213,,155.00,2026-03-01,', '36415,,16.00,2026-05-01,'].join('\n'),
    );
    expect(overlapping.statusCode).toBe(400);
    expect(overlapping.json().errors.map((e: { path: string }) => e.path)).toEqual(['rows.3.effective_from', 'rows.4.effective_from']);
    const missing = await importCsv(org, '/api/fee-schedule/import', 'code,fee\n99213,150\n');
    expect(missing.json().errors[0].path).toBe('rows.1');
    const items = (await t.as(org, 'biller').get('/api/fee-schedule')).json().items;
    expect(items).toHaveLength(1);
    const wrongType = await t.as(org, 'biller').post('/api/fee-schedule/import', { csv: 'x' });
    expect(wrongType.statusCode).toBe(415);
  });
});
