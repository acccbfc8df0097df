/**
 * Editing an unpaid bill (PATCH /api/bills/{id} with If-Match): a new amount or expense account
 * reverses the bill's current entry and posts it again (source `bill_revision`), so accounts
 * payable equals the bill's new amount and the trial balance nets; a second edit reverses the
 * first revision, and a void afterwards reverses the latest. A stale version answers 412, a bill
 * with a payment or void 409, bad input 400 naming the field (nothing changes), another
 * practice's bill 404. Audited with the changes.
 */
import { FakeClock } from '@domain/shared/clock.ts';
import { describe, expect, it } from 'vitest';
import type { TestOrg } from '../helpers/factories.ts';
import { createTestApp } from '../helpers/test-app.ts';

// 10:00 in New York: the practice's calendar day is 2026-03-02.
const clock = new FakeClock('2026-03-02T15:00:00Z');
const t = await createTestApp({ clock });
const other = await t.newOrg();
const TODAY = '2026-03-02';
const INVOICE_DAY = '2026-02-20';

type Bill = {
  id: string;
  status: string;
  amountCents: number;
  openCents: number;
  category: string;
  dueDate: string;
  invoiceNumber: string;
  memo: string;
  version: number;
};

let seq = 0;
const manager = (o: TestOrg) => t.as(o, 'office_manager');
const fieldsOf = (body: string) => ((JSON.parse(body) as { errors?: { path: string }[] }).errors ?? []).map((e) => e.path);

/** Each change a second apart (the practice day stays the same), so entries sort by when they were posted. */
const later = () => clock.advance(1_000);

async function billFor(o: TestOrg, body: Record<string, unknown> = {}): Promise<Bill> {
  later();
  const v = await manager(o).post('/api/vendors', { name: `Edit Vendor ${++seq}`, defaultCategory: 'supplies' });
  expect(v.statusCode, v.body).toBe(201);
  const res = await manager(o).post('/api/bills', {
    vendorId: v.json().id,
    invoiceNumber: `E-${++seq}`,
    invoiceDate: INVOICE_DAY,
    dueDate: '2026-03-20',
    amountCents: 10_000,
    category: 'supplies',
    ...body,
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as Bill;
}

const patch = (o: TestOrg, id: string, body: Record<string, unknown>, version: number | null) => {
  later();
  return manager(o).patch(`/api/bills/${id}`, body, version === null ? {} : { 'if-match': `"${version}"` });
};

/** Net balance per account code of the practice (debit positive), from the journal. */
async function balances(o: TestOrg): Promise<Record<string, number>> {
  const rows = await t.db
    .selectFrom('journal_lines')
    .select(['account_code', (eb) => eb.fn.sum<string>(eb('debit_cents', '-', eb.ref('credit_cents'))).as('net')])
    .where('organization_id', '=', o.id)
    .groupBy('account_code')
    .execute();
  return Object.fromEntries(rows.map((r) => [r.account_code, Number(r.net)]).filter(([, n]) => n !== 0));
}

async function entries(o: TestOrg) {
  const rows = await t.db
    .selectFrom('journal_entries as e')
    .innerJoin('journal_lines as l', (j) => j.onRef('l.entry_id', '=', 'e.id').onRef('l.organization_id', '=', 'e.organization_id'))
    .select([
      'e.id',
      'e.kind',
      'e.source_type',
      'e.source_id',
      'e.posting_date',
      'e.reverses_entry_id',
      'l.account_code',
      'l.debit_cents',
      'l.credit_cents',
    ])
    .where('e.organization_id', '=', o.id)
    .orderBy('e.posted_at')
    // An edit posts its reversal, then the revision, at the same instant.
    .orderBy((eb) => eb.case().when('e.kind', '=', 'reversal').then(0).else(1).end())
    .orderBy('l.line_number')
    .execute();
  const byId = new Map<string, { id: string; kind: string; source: string; date: string; reverses: string | null; lines: string[] }>();
  for (const r of rows) {
    const e = byId.get(r.id) ?? {
      id: r.id,
      kind: r.kind,
      source: `${r.source_type}:${r.source_id}`,
      date: r.posting_date,
      reverses: r.reverses_entry_id,
      lines: [],
    };
    e.lines.push(`${r.account_code} ${Number(r.debit_cents)}/${Number(r.credit_cents)}`);
    byId.set(r.id, e);
  }
  return [...byId.values()];
}

async function trialBalanceNets(o: TestOrg) {
  const res = await manager(o).get('/api/ledger/trial-balance');
  expect(res.statusCode, res.body).toBe(200);
  const tb = res.json() as { totalDebitCents: number; totalCreditCents: number };
  expect(tb.totalDebitCents).toBe(tb.totalCreditCents);
}

describe('editing an unpaid bill', () => {
  it('a new amount and account reverse the entry and post the bill again today; AP equals the new amount', async () => {
    const org = await t.newOrg();
    const b = await billFor(org, { amountCents: 10_000, category: 'supplies' });
    expect(await balances(org)).toEqual({ '5100': 10_000, '2000': -10_000 });

    const res = await patch(org, b.id, { amountCents: 12_345, category: 'rent', memo: 'April rent, corrected' }, 1);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers.etag).toBe('"2"');
    expect(res.json()).toMatchObject({
      amountCents: 12_345,
      openCents: 12_345,
      category: 'rent',
      memo: 'April rent, corrected',
      version: 2,
    });

    const [first, reversal, revision, ...rest] = await entries(org);
    expect(rest).toEqual([]);
    expect(first).toMatchObject({
      kind: 'vendor_bill',
      source: `bill:${b.id}`,
      date: INVOICE_DAY,
      lines: ['5100 10000/0', '2000 0/10000'],
    });
    expect(reversal).toMatchObject({
      kind: 'reversal',
      source: `journal_entry:${first?.id}`,
      reverses: first?.id,
      date: TODAY,
      lines: ['5100 0/10000', '2000 10000/0'],
    });
    expect(revision).toMatchObject({
      kind: 'vendor_bill',
      source: `bill_revision:${b.id}:2`,
      date: TODAY,
      lines: ['5200 12345/0', '2000 0/12345'],
    });
    expect(await balances(org)).toEqual({ '5200': 12_345, '2000': -12_345 });
    await trialBalanceNets(org);

    // A second edit reverses the first revision (not the original again).
    const again = await patch(org, b.id, { amountCents: 9_000 }, 2);
    expect(again.statusCode, again.body).toBe(200);
    const all = await entries(org);
    expect(all).toHaveLength(5);
    expect(all[3]).toMatchObject({ kind: 'reversal', reverses: revision?.id, lines: ['5200 0/12345', '2000 12345/0'] });
    expect(all[4]).toMatchObject({ source: `bill_revision:${b.id}:3`, lines: ['5200 9000/0', '2000 0/9000'] });
    expect(await balances(org)).toEqual({ '5200': 9_000, '2000': -9_000 });

    // Paying the edited bill in full clears accounts payable; the old amount is not payable.
    later();
    const tooMuch = await manager(org).post(`/api/bills/${b.id}/payments`, { amountCents: 9_001, method: 'card' });
    expect(tooMuch.statusCode).toBe(400);
    const paid = await manager(org).post(`/api/bills/${b.id}/payments`, { amountCents: 9_000, method: 'card' });
    expect(paid.statusCode, paid.body).toBe(201);
    expect(await balances(org)).toEqual({ '5200': 9_000, '1020': -9_000 });
    await trialBalanceNets(org);
  });

  it('a void after an edit reverses the latest revision: nothing is left owed or spent', async () => {
    const org = await t.newOrg();
    const b = await billFor(org, { amountCents: 4_000, category: 'utilities' });
    expect((await patch(org, b.id, { category: 'services' }, 1)).statusCode).toBe(200);
    later();
    const v = await manager(org).post(`/api/bills/${b.id}/void`, { reason: 'duplicate' }, { 'if-match': '"2"' });
    expect(v.statusCode, v.body).toBe(200);
    expect(await balances(org)).toEqual({});
    const kinds = (await entries(org)).map((e) => e.kind);
    expect(kinds).toEqual(['vendor_bill', 'reversal', 'vendor_bill', 'reversal']);
    await trialBalanceNets(org);
  });

  it('due date, invoice number and memo alone change the bill and post nothing; an unchanged patch writes nothing', async () => {
    const org = await t.newOrg();
    const b = await billFor(org);
    const res = await patch(org, b.id, { dueDate: '2026-04-01', invoiceNumber: 'NEW-1', memo: 'note' }, 1);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ dueDate: '2026-04-01', invoiceNumber: 'NEW-1', memo: 'note', version: 2 });
    expect(await entries(org)).toHaveLength(1);
    const same = await patch(org, b.id, { dueDate: '2026-04-01', amountCents: 10_000 }, 2);
    expect(same.statusCode).toBe(200);
    expect(same.json().version).toBe(2);
    const audit = await t.db
      .selectFrom('audit_events')
      .select(['action', 'resource_type', 'changes', 'details'])
      .where('organization_id', '=', org.id)
      .where('resource_id', '=', b.id)
      .orderBy('seq')
      .execute();
    expect(audit.map((a) => `${a.action}:${a.resource_type}`)).toEqual(['create:bill', 'update:bill']);
    expect(audit[1]?.details).toEqual({ change: 'edit', reposted: false });
    expect(audit[1]?.changes).toEqual({
      dueDate: { before: '2026-03-20', after: '2026-04-01' },
      invoiceNumber: { before: b.invoiceNumber, after: 'NEW-1' },
      memo: { before: '', after: 'note' },
    });
  });

  it('needs If-Match (428); a stale version answers 412 with the current bill and changes nothing', async () => {
    const org = await t.newOrg();
    const b = await billFor(org);
    expect((await patch(org, b.id, { amountCents: 5 }, null)).statusCode).toBe(428);
    expect((await patch(org, b.id, { memo: 'first' }, 1)).statusCode).toBe(200);
    const stale = await patch(org, b.id, { amountCents: 5 }, 1);
    expect(stale.statusCode).toBe(412);
    expect(stale.json().current).toMatchObject({ id: b.id, version: 2, amountCents: 10_000 });
    expect(await entries(org)).toHaveLength(1);
  });

  it('a bill paid in part, paid, or void answers 409 and nothing is posted', async () => {
    const org = await t.newOrg();
    const part = await billFor(org);
    expect((await manager(org).post(`/api/bills/${part.id}/payments`, { amountCents: 100, method: 'card' })).statusCode).toBe(201);
    const full = await billFor(org, { amountCents: 500 });
    expect((await manager(org).post(`/api/bills/${full.id}/payments`, { amountCents: 500, method: 'card' })).statusCode).toBe(201);
    const gone = await billFor(org);
    expect((await manager(org).post(`/api/bills/${gone.id}/void`, { reason: 'x' }, { 'if-match': '"1"' })).statusCode).toBe(200);
    const before = await entries(org);
    for (const b of [part, full, gone]) {
      const res = await patch(org, b.id, { amountCents: 20_000 }, 2);
      expect(res.statusCode, res.body).toBe(409);
      expect(res.headers['content-type']).toContain('application/problem+json');
    }
    expect(await entries(org)).toEqual(before);
  });

  it('bad input answers 400 naming the field and changes nothing', async () => {
    const org = await t.newOrg();
    const b = await billFor(org);
    const taken = await billFor(org);
    const cases: [Record<string, unknown>, string, number][] = [
      [{ amountCents: 0 }, 'amountCents', 400],
      [{ amountCents: 10.5 }, 'amountCents', 400],
      [{ category: 'bank' }, 'category', 400],
      [{ dueDate: '2026-02-19' }, 'dueDate', 400],
      [{ dueDate: 'soon' }, 'dueDate', 400],
      [{ vendorId: taken.id }, 'vendorId', 400],
      [{ invoiceDate: TODAY }, 'invoiceDate', 400],
      [{ invoiceNumber: '' }, 'invoiceNumber', 400],
    ];
    for (const [body, field, status] of cases) {
      const res = await patch(org, b.id, body, 1);
      expect(res.statusCode, JSON.stringify(body)).toBe(status);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(fieldsOf(res.body), JSON.stringify(body)).toContain(field);
    }
    // Another bill's invoice number from the same vendor: 409 naming invoiceNumber.
    const sameVendor = await manager(org).post('/api/bills', {
      vendorId: (await manager(org).get(`/api/bills/${b.id}`)).json().vendorId,
      invoiceNumber: 'DUP-1',
      invoiceDate: INVOICE_DAY,
      dueDate: '2026-03-20',
      amountCents: 1,
    });
    expect(sameVendor.statusCode).toBe(201);
    const dup = await patch(org, b.id, { invoiceNumber: 'DUP-1', amountCents: 7 }, 1);
    expect(dup.statusCode).toBe(409);
    expect(fieldsOf(dup.body)).toEqual(['invoiceNumber']);
    const now = (await manager(org).get(`/api/bills/${b.id}`)).json() as Bill;
    expect(now).toMatchObject({
      version: 1,
      amountCents: 10_000,
      category: 'supplies',
      dueDate: '2026-03-20',
      invoiceNumber: b.invoiceNumber,
    });
    expect(await entries(org)).toHaveLength(3);
  });

  it("another practice's bill answers 404 and is not changed; other roles are refused", async () => {
    const org = await t.newOrg();
    const theirs = await billFor(other);
    const res = await patch(org, theirs.id, { amountCents: 1 }, 1);
    expect(res.statusCode).toBe(404);
    const row = await t.db.selectFrom('bills').select(['amount_cents', 'version']).where('id', '=', theirs.id).executeTakeFirstOrThrow();
    expect(row).toEqual({ amount_cents: 10_000, version: 1 });
    const mine = await billFor(org);
    for (const role of ['biller', 'front_desk'] as const) {
      const denied = await t.as(org, role).patch(`/api/bills/${mine.id}`, { amountCents: 1 }, { 'if-match': '"1"' });
      expect(denied.statusCode, role).toBe(403);
    }
    expect((await t.as(org, 'admin').patch(`/api/bills/${mine.id}`, { amountCents: 2 }, { 'if-match': '"1"' })).statusCode).toBe(200);
  });
});
