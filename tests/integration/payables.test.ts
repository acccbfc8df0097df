/**
 * Payables: vendors (If-Match edits, one of a name), bills that post Dr the expense, Cr accounts
 * payable in their transaction; payments that post Dr accounts payable, Cr bank and can never pay
 * a bill past its amount (also two racing for the last dollars: one wins); the void of an unpaid
 * bill reverses its entry; bad input answers 400 naming the field and changes nothing; aging
 * buckets and the due-soon list on a fixed clock, and the aging as CSV; the invoice file; another
 * practice's objects answer 404; who may do what.
 */
import { payablesBucket } from '@domain/payables/index.ts';
import { FakeClock } from '@domain/shared/clock.ts';
import { describe, expect, it } from 'vitest';
import type { TestOrg } from '../helpers/factories.ts';
import { temporaryDataDir } from '../helpers/route-fixtures.ts';
import { createTestApp } from '../helpers/test-app.ts';

temporaryDataDir(); // invoices are stored under DATA_DIR
// 10:00 in New York: the practice's calendar day (its first location, East) is 2026-03-02.
const clock = new FakeClock('2026-03-02T15:00:00Z');
const t = await createTestApp({ clock });
const org = await t.newOrg();
const other = await t.newOrg();
const TODAY = '2026-03-02';
const day = (n: number) => new Date(Date.parse(`${TODAY}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

type Bill = {
  id: string;
  status: string;
  amountCents: number;
  paidCents: number;
  openCents: number;
  dueDate: string;
  daysPastDue: number;
  version: number;
  invoice: { fileName: string; contentType: string; sha256: string } | null;
  payments?: { amountCents: number; method: string; reference: string | null }[];
};
type Aging = {
  asOf: string;
  items: { vendorName: string; buckets: Record<string, number>; totalCents: number; billCount: number }[];
  totals: Record<string, number>;
  totalCents: number;
  nextCursor: string | null;
};

const manager = (o: TestOrg = org) => t.as(o, 'office_manager');
let seq = 0;

async function vendor(name = `Vendor ${++seq}`, o: TestOrg = org, body: Record<string, unknown> = {}) {
  const res = await manager(o).post('/api/vendors', { name, defaultCategory: 'supplies', ...body });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: string; version: number; name: string };
}

async function bill(vendorId: string, body: Record<string, unknown> = {}, o: TestOrg = org): Promise<Bill> {
  const res = await manager(o).post('/api/bills', {
    vendorId,
    invoiceNumber: `INV-${++seq}`,
    invoiceDate: day(-10),
    dueDate: day(20),
    amountCents: 10_000,
    ...body,
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as Bill;
}

async function entryLines(sourceId: string, kind: string) {
  return t.db
    .selectFrom('journal_lines as l')
    .innerJoin('journal_entries as e', 'e.id', 'l.entry_id')
    .select(['l.account_code', 'l.debit_cents', 'l.credit_cents', 'e.posting_date'])
    .where('e.source_id', '=', sourceId)
    .where('e.kind', '=', kind as never)
    .orderBy('l.line_number')
    .execute();
}

async function trialBalance() {
  const res = await manager().get('/api/ledger/trial-balance');
  expect(res.statusCode, res.body).toBe(200);
  const tb = res.json() as {
    items: { account: string; debitCents: number; creditCents: number }[];
    totalDebitCents: number;
    totalCreditCents: number;
  };
  expect(tb.totalDebitCents).toBe(tb.totalCreditCents);
  return tb;
}

async function count(table: 'bills' | 'bill_payments' | 'journal_entries' | 'vendors', o: TestOrg = org) {
  const r = await t.db
    .selectFrom(table)
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('organization_id', '=', o.id)
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

const fieldsOf = (body: string) => ((JSON.parse(body) as { errors?: { path: string }[] }).errors ?? []).map((e) => e.path);

describe('vendors', () => {
  it('adds, lists by name and edits a vendor with If-Match; a second vendor of the same name is refused naming name', async () => {
    const v = await vendor('Zephyr Medical Supply', org, { phone: '(303) 555-0142', email: 'ar@zephyr.example', taxId: '12-3456789' });
    const dup = await manager().post('/api/vendors', { name: ' zephyr medical supply ' });
    expect(dup.statusCode).toBe(409);
    expect(fieldsOf(dup.body)).toEqual(['name']);
    const list = await manager().get('/api/vendors?q=zephyr');
    expect((list.json() as { items: { id: string }[] }).items.map((i) => i.id)).toEqual([v.id]);
    expect(
      await manager()
        .patch(`/api/vendors/${v.id}`, { contactName: 'Ann' })
        .then((r) => r.statusCode),
    ).toBe(428);
    const ok = await manager().patch(`/api/vendors/${v.id}`, { contactName: 'Ann', active: false }, { 'if-match': '"1"' });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.headers.etag).toBe('"2"');
    const stale = await manager().patch(`/api/vendors/${v.id}`, { contactName: 'Bob' }, { 'if-match': '"1"' });
    expect(stale.statusCode).toBe(412);
    // Inactive vendors are left off the list and take no new bills.
    expect(((await manager().get('/api/vendors?q=zephyr')).json() as { items: unknown[] }).items).toEqual([]);
    const refused = await manager().post('/api/bills', {
      vendorId: v.id,
      invoiceNumber: 'Z-1',
      invoiceDate: TODAY,
      dueDate: TODAY,
      amountCents: 100,
    });
    expect(refused.statusCode).toBe(400);
    expect(fieldsOf(refused.body)).toEqual(['vendorId']);
  });

  it('pages the list with a cursor (keyset by name)', async () => {
    for (const n of ['Page A Co', 'Page B Co', 'Page C Co']) await vendor(n);
    const first = (await manager().get('/api/vendors?q=page&limit=2')).json() as { items: { name: string }[]; nextCursor: string };
    expect(first.items.map((i) => i.name)).toEqual(['Page A Co', 'Page B Co']);
    const second = (await manager().get(`/api/vendors?q=page&limit=2&cursor=${first.nextCursor}`)).json() as {
      items: { name: string }[];
      nextCursor: string | null;
    };
    expect(second.items.map((i) => i.name)).toEqual(['Page C Co']);
    expect(second.nextCursor).toBeNull();
  });
});

describe('bills and the ledger', () => {
  it('a bill posts Dr its expense account, Cr accounts payable, on the invoice date; the trial balance nets', async () => {
    const v = await vendor();
    const b = await bill(v.id, { amountCents: 128_745, category: 'rent' });
    expect(b).toMatchObject({ status: 'open', paidCents: 0, openCents: 128_745 });
    const lines = await entryLines(b.id, 'vendor_bill');
    expect(lines.map((l) => [l.account_code, Number(l.debit_cents), Number(l.credit_cents)])).toEqual([
      ['5200', 128_745, 0],
      ['2000', 0, 128_745],
    ]);
    expect(lines[0]?.posting_date).toBe(day(-10));
    // Without a category the vendor's default (supplies) is used.
    const d = await bill(v.id);
    expect((await entryLines(d.id, 'vendor_bill'))[0]?.account_code).toBe('5100');
    await trialBalance();
  });

  it('bad input answers 400 naming the field and writes nothing', async () => {
    const v = await vendor();
    const before = [await count('bills'), await count('journal_entries')];
    const cases: [Record<string, unknown>, string][] = [
      [{ amountCents: 0 }, 'amountCents'],
      [{ amountCents: 12.5 }, 'amountCents'],
      [{ dueDate: day(-11) }, 'dueDate'],
      [{ invoiceDate: day(1), dueDate: day(5) }, 'invoiceDate'],
      [{ category: 'bank' }, 'category'],
      [{ vendorId: other.id }, 'vendorId'],
    ];
    for (const [body, field] of cases) {
      const res = await manager().post('/api/bills', {
        vendorId: v.id,
        invoiceNumber: 'BAD-1',
        invoiceDate: day(-10),
        dueDate: day(20),
        amountCents: 100,
        ...body,
      });
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(fieldsOf(res.body)).toContain(field);
    }
    expect([await count('bills'), await count('journal_entries')]).toEqual(before);
  });

  it('the invoice number is unique per vendor (409 naming invoiceNumber); another vendor may use it', async () => {
    const [a, b] = [await vendor(), await vendor()];
    await bill(a.id, { invoiceNumber: 'SAME-1' });
    const again = await manager().post('/api/bills', {
      vendorId: a.id,
      invoiceNumber: 'SAME-1',
      invoiceDate: TODAY,
      dueDate: TODAY,
      amountCents: 5,
    });
    expect(again.statusCode).toBe(409);
    expect(fieldsOf(again.body)).toEqual(['invoiceNumber']);
    await bill(b.id, { invoiceNumber: 'SAME-1' });
  });
});

describe('paying a bill', () => {
  it('a payment posts Dr accounts payable, Cr bank; the bill becomes partially paid, then paid', async () => {
    const b = await bill((await vendor()).id, { amountCents: 10_000 });
    const first = await manager().post(`/api/bills/${b.id}/payments`, {
      amountCents: 4_000,
      method: 'check',
      reference: '1042',
      paidOn: day(-1),
    });
    expect(first.statusCode, first.body).toBe(201);
    const lines = await entryLines(first.json().id, 'bill_payment');
    expect(lines.map((l) => [l.account_code, Number(l.debit_cents), Number(l.credit_cents)])).toEqual([
      ['2000', 4_000, 0],
      ['1020', 0, 4_000],
    ]);
    expect(lines[0]?.posting_date).toBe(day(-1));
    let now = (await manager().get(`/api/bills/${b.id}`)).json() as Bill;
    expect(now).toMatchObject({ status: 'partially_paid', paidCents: 4_000, openCents: 6_000 });
    const rest = await manager().post(`/api/bills/${b.id}/payments`, { amountCents: 6_000, method: 'transfer', reference: 'ACH-99' });
    expect(rest.statusCode, rest.body).toBe(201);
    now = (await manager().get(`/api/bills/${b.id}`)).json() as Bill;
    expect(now).toMatchObject({ status: 'paid', paidCents: 10_000, openCents: 0 });
    expect(now.payments?.map((p) => [p.amountCents, p.method, p.reference])).toEqual([
      [4_000, 'check', '1042'],
      [6_000, 'transfer', 'ACH-99'],
    ]);
    await trialBalance();
  });

  it('refuses paying more than is left (400 naming amountCents), a check without its number, a future day; nothing is posted', async () => {
    const b = await bill((await vendor()).id, { amountCents: 5_000 });
    const before = [await count('bill_payments'), await count('journal_entries')];
    const cases: [Record<string, unknown>, string][] = [
      [{ amountCents: 5_001, method: 'card' }, 'amountCents'],
      [{ amountCents: 100, method: 'check' }, 'reference'],
      [{ amountCents: 100, method: 'transfer' }, 'reference'],
      [{ amountCents: 100, method: 'card', paidOn: day(1) }, 'paidOn'],
      [{ amountCents: 100, method: 'card', paidOn: day(-30) }, 'paidOn'],
      [{ amountCents: -1, method: 'card' }, 'amountCents'],
    ];
    for (const [body, field] of cases) {
      const res = await manager().post(`/api/bills/${b.id}/payments`, body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      expect(fieldsOf(res.body)).toEqual([field]);
    }
    expect([await count('bill_payments'), await count('journal_entries')]).toEqual(before);
    expect(((await manager().get(`/api/bills/${b.id}`)).json() as Bill).paidCents).toBe(0);
  });

  it('two payments racing for the last dollars: one wins, the other is refused, the bill is never overpaid', async () => {
    const b = await bill((await vendor()).id, { amountCents: 10_000 });
    await manager().post(`/api/bills/${b.id}/payments`, { amountCents: 4_000, method: 'card' });
    for (let round = 0; round < 3; round++) {
      const c = await bill((await vendor()).id, { amountCents: 10_000 });
      const answers = await Promise.all(
        [0, 1].map(() => manager().post(`/api/bills/${c.id}/payments`, { amountCents: 6_000, method: 'check', reference: `R${round}` })),
      );
      expect(answers.map((a) => a.statusCode).sort()).toEqual([201, 400]);
      const refused = answers.find((a) => a.statusCode === 400);
      expect(fieldsOf(refused?.body ?? '{}')).toEqual(['amountCents']);
      const row = await t.db.selectFrom('bills').select(['paid_cents', 'status']).where('id', '=', c.id).executeTakeFirstOrThrow();
      expect(row).toEqual({ paid_cents: 6_000, status: 'partially_paid' });
      const payments = await t.db.selectFrom('bill_payments').select('id').where('bill_id', '=', c.id).execute();
      expect(payments).toHaveLength(1);
      const entries = await t.db
        .selectFrom('journal_entries')
        .select('id')
        .where('kind', '=', 'bill_payment')
        .where(
          'source_id',
          'in',
          payments.map((p) => p.id),
        )
        .execute();
      expect(entries).toHaveLength(1);
    }
    // Eight at once for the last 6,000: exactly 6 of 1,000 pass.
    const answers = await Promise.all(
      Array.from({ length: 8 }, () => manager().post(`/api/bills/${b.id}/payments`, { amountCents: 1_000, method: 'card' })),
    );
    expect(answers.filter((a) => a.statusCode === 201)).toHaveLength(6);
    expect(((await manager().get(`/api/bills/${b.id}`)).json() as Bill).status).toBe('paid');
    await trialBalance();
  });

  it('the database itself refuses a bill paid past its amount, or a status that disagrees with what was paid', async () => {
    const b = await bill((await vendor()).id, { amountCents: 1_000 });
    await expect(t.db.updateTable('bills').set({ paid_cents: 1_001, status: 'paid' }).where('id', '=', b.id).execute()).rejects.toThrow(
      /check/,
    );
    await expect(
      t.db.updateTable('bills').set({ paid_cents: 1_000, status: 'partially_paid' }).where('id', '=', b.id).execute(),
    ).rejects.toThrow(/check/);
    await expect(t.db.updateTable('bills').set({ status: 'void' }).where('id', '=', b.id).execute()).rejects.toThrow(/check/);
  });
});

describe('voiding a bill', () => {
  it('an unpaid bill is voided with If-Match and a reason: its entry is reversed today and accounts payable nets to zero for it', async () => {
    const b = await bill((await vendor()).id, { amountCents: 7_700, category: 'utilities' });
    expect((await manager().post(`/api/bills/${b.id}/void`, { reason: 'entered twice' })).statusCode).toBe(428);
    expect((await manager().post(`/api/bills/${b.id}/void`, { reason: '' }, { 'if-match': '"1"' })).statusCode).toBe(400);
    const res = await manager().post(`/api/bills/${b.id}/void`, { reason: 'entered twice' }, { 'if-match': '"1"' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ status: 'void', openCents: 0 });
    const original = await entryLines(b.id, 'vendor_bill');
    const entry = await t.db.selectFrom('journal_entries').select('id').where('source_id', '=', b.id).executeTakeFirstOrThrow();
    const reversal = await entryLines(entry.id, 'reversal');
    expect(reversal.map((l) => [l.account_code, Number(l.debit_cents), Number(l.credit_cents)])).toEqual([
      ['5300', 0, 7_700],
      ['2000', 7_700, 0],
    ]);
    expect(reversal[0]?.posting_date).toBe(TODAY);
    expect(original).toHaveLength(2);
    // Void again: 409; pay a void bill: 409.
    expect((await manager().post(`/api/bills/${b.id}/void`, { reason: 'again' }, { 'if-match': '"2"' })).statusCode).toBe(409);
    expect((await manager().post(`/api/bills/${b.id}/payments`, { amountCents: 1, method: 'card' })).statusCode).toBe(409);
    await trialBalance();
  });

  it('a bill with a payment cannot be voided (409), and a stale If-Match answers 412', async () => {
    const b = await bill((await vendor()).id);
    await manager().post(`/api/bills/${b.id}/payments`, { amountCents: 100, method: 'card' });
    expect((await manager().post(`/api/bills/${b.id}/void`, { reason: 'x' }, { 'if-match': '"1"' })).statusCode).toBe(412);
    expect((await manager().post(`/api/bills/${b.id}/void`, { reason: 'x' }, { 'if-match': '"2"' })).statusCode).toBe(409);
  });
});

describe('aging and due soon (fixed clock)', () => {
  it('buckets open amounts by days past due on the practice day, per vendor and in total; CSV has the same figures', async () => {
    const o = await t.newOrg();
    const landlord = await vendor('Aging Landlord', o);
    const supply = await vendor('Aging Supply "Best", Inc.', o);
    await bill(landlord.id, { dueDate: day(0), invoiceDate: day(-5), amountCents: 100 }, o); // due today: current
    await bill(landlord.id, { dueDate: day(-1), invoiceDate: day(-5), amountCents: 200 }, o); // 1-30
    await bill(supply.id, { dueDate: day(-30), invoiceDate: day(-40), amountCents: 300 }, o); // 1-30
    await bill(supply.id, { dueDate: day(-31), invoiceDate: day(-40), amountCents: 400 }, o); // 31-60
    await bill(supply.id, { dueDate: day(-61), invoiceDate: day(-70), amountCents: 500 }, o); // 61-90
    await bill(supply.id, { dueDate: day(-91), invoiceDate: day(-100), amountCents: 600 }, o); // 90+
    const part = await bill(supply.id, { dueDate: day(-90), invoiceDate: day(-100), amountCents: 1_000 }, o); // 61-90, 700 paid
    await manager(o).post(`/api/bills/${part.id}/payments`, { amountCents: 700, method: 'card', paidOn: day(-1) });
    const gone = await bill(supply.id, { dueDate: day(-5), invoiceDate: day(-10), amountCents: 9_999 }, o);
    await manager(o).post(`/api/bills/${gone.id}/void`, { reason: 'duplicate' }, { 'if-match': '"1"' });
    const res = await manager(o).get('/api/payables/aging');
    expect(res.statusCode, res.body).toBe(200);
    const aging = res.json() as Aging;
    expect(aging.asOf).toBe(TODAY);
    expect(aging.items).toEqual([
      {
        vendorId: landlord.id,
        vendorName: 'Aging Landlord',
        buckets: { current: 100, '1-30': 200, '31-60': 0, '61-90': 0, '90+': 0 },
        totalCents: 300,
        billCount: 2,
      },
      {
        vendorId: supply.id,
        vendorName: 'Aging Supply "Best", Inc.',
        buckets: { current: 0, '1-30': 300, '31-60': 400, '61-90': 800, '90+': 600 },
        totalCents: 2_100,
        billCount: 5,
      },
    ]);
    expect(aging.totals).toEqual({ current: 100, '1-30': 500, '31-60': 400, '61-90': 800, '90+': 600 });
    expect(aging.totalCents).toBe(2_400);
    const page = (await manager(o).get('/api/payables/aging?limit=1')).json() as Aging;
    expect(page.items.map((i) => i.vendorName)).toEqual(['Aging Landlord']);
    const next = (await manager(o).get(`/api/payables/aging?limit=1&cursor=${page.nextCursor}`)).json() as Aging;
    expect(next.items.map((i) => i.vendorName)).toEqual(['Aging Supply "Best", Inc.']);
    expect(next.nextCursor).toBeNull();

    const csv = await manager(o).get('/api/payables/aging?format=csv');
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.headers['content-disposition']).toContain(`payables-aging-${TODAY}.csv`);
    expect(csv.body.split('\r\n')).toEqual([
      'vendor,current,1-30,31-60,61-90,90+,total,bills',
      'Aging Landlord,1.00,2.00,0.00,0.00,0.00,3.00,2',
      '"Aging Supply ""Best"", Inc.",0.00,3.00,4.00,8.00,6.00,21.00,5',
      'Total,1.00,5.00,4.00,8.00,6.00,24.00,',
      '',
    ]);

    // Due soon (7 days, overdue included) and overdue, by due date.
    const soon = await bill(landlord.id, { dueDate: day(7), invoiceDate: day(-1), amountCents: 50 }, o);
    await bill(landlord.id, { dueDate: day(8), invoiceDate: day(-1), amountCents: 60 }, o);
    const dueSoon = (await manager(o).get('/api/bills?filter=due_soon&days=7')).json() as { items: Bill[] };
    expect(dueSoon.items.map((b) => b.dueDate)).toEqual([day(-91), day(-90), day(-61), day(-31), day(-30), day(-1), day(0), day(7)]);
    expect(dueSoon.items.at(-1)?.id).toBe(soon.id);
    const overdue = (await manager(o).get('/api/bills?filter=overdue')).json() as { items: Bill[] };
    expect(overdue.items.map((b) => b.daysPastDue)).toEqual([91, 90, 61, 31, 30, 1]);
    const voided = (await manager(o).get('/api/bills?filter=void')).json() as { items: Bill[] };
    expect(voided.items.map((b) => b.id)).toEqual([gone.id]);
    const paged = (await manager(o).get('/api/bills?filter=all&limit=4')).json() as { items: Bill[]; nextCursor: string };
    const rest = (await manager(o).get(`/api/bills?filter=all&limit=50&cursor=${paged.nextCursor}`)).json() as { items: Bill[] };
    expect(paged.items.length + rest.items.length).toBe(10);
    expect(new Set([...paged.items, ...rest.items].map((b) => b.id)).size).toBe(10);
    // A cursor of another list (the aging's vendors: a name where a due date belongs) is a 400 naming it.
    const vendorsPage = (await manager(o).get('/api/payables/aging?limit=1')).json() as { nextCursor: string };
    expect(vendorsPage.nextCursor).toEqual(expect.any(String));
    const foreign = await manager(o).get(`/api/bills?filter=all&cursor=${vendorsPage.nextCursor}`);
    expect(foreign.statusCode).toBe(400);
    expect(foreign.json().errors[0].path).toMatch(/cursor$/);
    // The same edges as the shared bucket function.
    expect([0, 1, 30, 31, 60, 61, 90, 91].map(payablesBucket)).toEqual([
      'current',
      '1-30',
      '1-30',
      '31-60',
      '31-60',
      '61-90',
      '61-90',
      '90+',
    ]);
  });
});

describe('the invoice file', () => {
  const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');

  it('attaches a PNG or PDF to the bill (type from the bytes), serves it back, and refuses other files', async () => {
    const b = await bill((await vendor()).id);
    const up = await t.app.inject({
      method: 'POST',
      url: `/api/bills/${b.id}/invoice?fileName=${encodeURIComponent('scan of invoice.pdf')}`,
      headers: { authorization: `Bearer ${org.users.office_manager.token}`, 'content-type': 'application/octet-stream' },
      payload: PNG,
    });
    expect(up.statusCode, up.body).toBe(201);
    const attached = up.json() as Bill;
    expect(attached.invoice).toMatchObject({ fileName: 'scan of invoice.png', contentType: 'image/png' });
    const file = await manager().get(`/api/bills/${b.id}/invoice?disposition=inline`);
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-type']).toBe('image/png');
    expect(Buffer.from(file.rawPayload).equals(PNG)).toBe(true);
    const html = await t.app.inject({
      method: 'POST',
      url: `/api/bills/${b.id}/invoice?fileName=x.pdf`,
      headers: { authorization: `Bearer ${org.users.office_manager.token}`, 'content-type': 'application/pdf' },
      payload: Buffer.from('<html><script>alert(1)</script></html>'),
    });
    expect(html.statusCode).toBe(415);
    expect((await manager().get(`/api/bills/${b.id}`)).json().invoice.fileName).toBe('scan of invoice.png');
  });
});

describe('tenancy and permissions', () => {
  it("another practice's vendors and bills answer 404 and are never changed", async () => {
    const theirs = await bill((await vendor('Their Vendor', other)).id, {}, other);
    const theirVendor = theirs as unknown as { vendorId: string };
    const mine = manager();
    expect((await mine.get(`/api/bills/${theirs.id}`)).statusCode).toBe(404);
    expect((await mine.post(`/api/bills/${theirs.id}/payments`, { amountCents: 1, method: 'card' })).statusCode).toBe(404);
    expect((await mine.post(`/api/bills/${theirs.id}/void`, { reason: 'x' }, { 'if-match': '"1"' })).statusCode).toBe(404);
    expect((await mine.get(`/api/vendors/${(theirVendor as { vendorId: string }).vendorId}`)).statusCode).toBe(404);
    expect(
      (await mine.patch(`/api/vendors/${(theirVendor as { vendorId: string }).vendorId}`, { name: 'Mine now' }, { 'if-match': '"1"' }))
        .statusCode,
    ).toBe(404);
    const list = (await mine.get('/api/bills?filter=all&limit=200')).json() as { items: Bill[] };
    expect(list.items.some((b) => b.id === theirs.id)).toBe(false);
    const row = await t.db.selectFrom('bills').select(['status', 'paid_cents']).where('id', '=', theirs.id).executeTakeFirstOrThrow();
    expect(row).toEqual({ status: 'open', paid_cents: 0 });
  });

  it('office managers and administrators manage payables; billers, front desk and clinicians are refused (403)', async () => {
    const v = await vendor();
    for (const role of ['front_desk', 'biller', 'clinician', 'nurse'] as const) {
      expect((await t.as(org, role).get('/api/bills')).statusCode, role).toBe(403);
      expect((await t.as(org, role).post('/api/vendors', { name: `By ${role}` })).statusCode, role).toBe(403);
      expect((await t.as(org, role).get('/api/payables/aging')).statusCode, role).toBe(403);
    }
    const admin = await t
      .as(org, 'admin')
      .post('/api/bills', { vendorId: v.id, invoiceNumber: 'ADM-1', invoiceDate: TODAY, dueDate: TODAY, amountCents: 1 });
    expect(admin.statusCode, admin.body).toBe(201);
  });

  it('audits changes to vendors, bills and payments (practice money)', async () => {
    const v = await vendor('Audited Vendor');
    const b = await bill(v.id, { amountCents: 2_500 });
    const pay = await manager().post(`/api/bills/${b.id}/payments`, { amountCents: 2_500, method: 'card' });
    const rows = await t.db
      .selectFrom('audit_events')
      .select(['action', 'resource_type', 'resource_id', 'details'])
      .where('organization_id', '=', org.id)
      .where('resource_id', 'in', [v.id, b.id, pay.json().id])
      .orderBy('seq')
      .execute();
    expect(rows.map((r) => `${r.action}:${r.resource_type}`)).toEqual(['create:vendor', 'create:bill', 'create:bill_payment']);
    expect(rows[2]?.details).toMatchObject({ billId: b.id, amountCents: 2_500, method: 'card', paidOn: TODAY });
  });
});
