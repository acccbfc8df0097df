/**
 * Finance reports over known postings on a fixed clock (2026-06-30 at the East location):
 * charges, claims billed to two payers, a payer payment with a CO-45 contractual adjustment and
 * a PR patient responsibility, a claim write-off, patient payments by cash and check. The A/R
 * aging buckets per payer and for patients are exact and equal the receivable accounts; the CSV
 * carries the JSON's figures; days in A/R follows its formula from the inputs it shows;
 * collections by month and payments by method add up; the journal CSV has one row per journal
 * line and its debits equal its credits, page boundaries included; date ranges are capped;
 * who may read them, and another practice sees none of it.
 */
import { randomUUID } from 'node:crypto';
import { type JournalExportLine, journalLinesPage, postEntry } from '@domain/ledger/index.ts';
import { inTransaction } from '@domain/shared/context.ts';
import { FakeClock } from '@domain/shared/clock.ts';
import { describe, expect, it } from 'vitest';
import type { TestOrg } from '../helpers/factories.ts';
import { newPatient } from '../helpers/scheduling-factories.ts';
import { createTestApp } from '../helpers/test-app.ts';

const clock = new FakeClock('2026-06-30T16:00:00Z');
const t = await createTestApp({ clock });
const org = await t.newOrg();
const stranger = await t.newOrg();

const BUCKETS = ['0-30', '31-60', '61-90', '91-120', '120+'] as const;
type Aging = Record<(typeof BUCKETS)[number], number>;
const aging = (a: Partial<Aging>): Aging => ({ '0-30': 0, '31-60': 0, '61-90': 0, '91-120': 0, '120+': 0, ...a });

async function payer(name: string): Promise<string> {
  const res = await t.as(org, 'admin').post('/api/payers', { name });
  expect(res.statusCode, res.body).toBe(201);
  return (res.json() as { id: string }).id;
}

const acme = await payer('Acme Health');
const blue = await payer('Blue Payer');
const [p1, p2, p3, p4] = [
  await newPatient(t.db, org),
  await newPatient(t.db, org),
  await newPatient(t.db, org),
  await newPatient(t.db, org),
];
const [e1, e2, e3, e4] = [randomUUID(), randomUUID(), randomUUID(), randomUUID()];
const [c1, c2, c3] = [randomUUID(), randomUUID(), randomUUID()];

type Line = Parameters<typeof postEntry>[1]['lines'][number];
async function post(
  kind: Parameters<typeof postEntry>[1]['kind'],
  postingDate: string,
  lines: Line[],
  locationId: string | null = org.locationId,
) {
  await inTransaction(org.ctx, (tx) =>
    postEntry(tx, {
      kind,
      source: { type: 'report_test', id: randomUUID() },
      postingDate,
      memo: `${kind} ${postingDate}`,
      locationId,
      lines,
    }),
  );
}

async function payment(o: { patientId: string; amountCents: number; method: 'cash' | 'check'; postingDate: string; reference?: string }) {
  const res = await t
    .as(org, 'front_desk')
    .post('/api/payments', { ...o, locationId: org.locationId }, { 'idempotency-key': randomUUID() });
  expect(res.statusCode, res.body).toBe(201);
}

// P1: charge, billed to Acme, paid by Acme with CO-45 4,500 and PR 2,000; then pays 1,500 cash.
await post('charge', '2026-06-20', [
  { account: 'patient_ar', debitCents: 20_000, patientId: p1, encounterId: e1 },
  { account: 'revenue', creditCents: 20_000, patientId: p1, encounterId: e1 },
]);
await post('claim_billed', '2026-06-21', [
  { account: 'insurance_ar', debitCents: 20_000, patientId: p1, encounterId: e1, claimId: c1, payerId: acme },
  { account: 'patient_ar', creditCents: 20_000, patientId: p1, encounterId: e1, claimId: c1 },
]);
await post(
  'insurance_payment',
  '2026-06-28',
  [
    { account: 'insurance_ar', creditCents: 20_000, patientId: p1, encounterId: e1, claimId: c1, payerId: acme },
    { account: 'contractual_adjustments', debitCents: 4_500, patientId: p1, encounterId: e1, claimId: c1 },
    { account: 'patient_ar', debitCents: 2_000, patientId: p1, encounterId: e1, claimId: c1 },
    { account: 'bank', debitCents: 13_500 },
  ],
  null,
);
await payment({ patientId: p1, amountCents: 1_500, method: 'cash', postingDate: '2026-06-29' });
// P2: an old charge billed to Blue, unpaid (120 days on 2026-06-30).
await post('charge', '2026-03-01', [
  { account: 'patient_ar', debitCents: 30_000, patientId: p2, encounterId: e2 },
  { account: 'revenue', creditCents: 30_000, patientId: p2, encounterId: e2 },
]);
await post('claim_billed', '2026-03-02', [
  { account: 'insurance_ar', debitCents: 30_000, patientId: p2, encounterId: e2, claimId: c2, payerId: blue },
  { account: 'patient_ar', creditCents: 30_000, patientId: p2, encounterId: e2, claimId: c2 },
]);
// P3: billed to Acme on 2026-05-11, 5,000 of it written off.
await post('charge', '2026-05-10', [
  { account: 'patient_ar', debitCents: 15_000, patientId: p3, encounterId: e3 },
  { account: 'revenue', creditCents: 15_000, patientId: p3, encounterId: e3 },
]);
await post('claim_billed', '2026-05-11', [
  { account: 'insurance_ar', debitCents: 15_000, patientId: p3, encounterId: e3, claimId: c3, payerId: acme },
  { account: 'patient_ar', creditCents: 15_000, patientId: p3, encounterId: e3, claimId: c3 },
]);
await post(
  'write_off',
  '2026-06-15',
  [
    { account: 'write_offs', debitCents: 5_000, patientId: p3, encounterId: e3, claimId: c3 },
    { account: 'insurance_ar', creditCents: 5_000, patientId: p3, encounterId: e3, claimId: c3, payerId: acme },
  ],
  null,
);
// P4: self-pay visit of 2026-04-15 (76 days), 3,000 paid by check on 2026-05-20 (on account: 41 days).
await post('charge', '2026-04-15', [
  { account: 'patient_ar', debitCents: 8_000, patientId: p4, encounterId: e4 },
  { account: 'revenue', creditCents: 8_000, patientId: p4, encounterId: e4 },
]);
await payment({ patientId: p4, amountCents: 3_000, method: 'check', postingDate: '2026-05-20', reference: '1001' });

const get = async (url: string, o: TestOrg = org, role: 'biller' | 'office_manager' | 'admin' = 'biller') => {
  const res = await t.as(o, role).get(url);
  expect(res.statusCode, res.body).toBe(200);
  return res;
};

/** "1234.50" / "-20.00" → cents, by string (no floating point). */
function cents(text: string): number {
  const m = /^(-?)(\d+)\.(\d{2})$/.exec(text);
  if (!m) throw new Error(`not an amount: ${text}`);
  return (m[1] ? -1 : 1) * (Number(m[2]) * 100 + Number(m[3]));
}

/** RFC 4180 rows (quoted cells with commas, doubled quotes, CRLF). */
function parseCsv(text: string): string[][] {
  expect(text.endsWith('\r\n')).toBe(true);
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(cell);
      cell = '';
    } else if (ch === '\r' && text[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i++;
    } else cell += ch;
  }
  return rows;
}

type ArAging = {
  asOf: string;
  insurance: { items: { payerId: string | null; payerName: string; aging: Aging; totalCents: number }[]; aging: Aging; totalCents: number };
  patient: { aging: Aging; totalCents: number };
  total: { aging: Aging; totalCents: number };
};

async function trialBalanceOf(asOf: string) {
  return (await get(`/api/reports/trial-balance?asOf=${asOf}`)).json() as {
    items: { account: string; debitCents: number; creditCents: number }[];
    totalDebitCents: number;
    totalCreditCents: number;
  };
}
const net = (tb: Awaited<ReturnType<typeof trialBalanceOf>>, code: string) => {
  const a = tb.items.find((i) => i.account === code);
  return a ? a.debitCents - a.creditCents : 0;
};

describe('A/R aging', () => {
  it('buckets each payer and the patients exactly on the day (today at the desk by default), and equals the receivable accounts', async () => {
    const r = (await get('/api/reports/ar-aging')).json() as ArAging;
    expect(r.asOf).toBe('2026-06-30');
    expect(r.insurance.items).toEqual([
      { payerId: acme, payerName: 'Acme Health', aging: aging({ '31-60': 10_000 }), totalCents: 10_000 },
      { payerId: blue, payerName: 'Blue Payer', aging: aging({ '91-120': 30_000 }), totalCents: 30_000 },
    ]);
    expect(r.insurance.aging).toEqual(aging({ '31-60': 10_000, '91-120': 30_000 }));
    // P1 owes 2,000 (PR) less 1,500 paid on account; P4's visit 8,000 (61-90) less 3,000 on account (31-60).
    expect(r.patient).toEqual({ aging: aging({ '0-30': 500, '31-60': -3_000, '61-90': 8_000 }), totalCents: 5_500 });
    expect(r.total).toEqual({ aging: aging({ '0-30': 500, '31-60': 7_000, '61-90': 8_000, '91-120': 30_000 }), totalCents: 45_500 });
    const tb = await trialBalanceOf('2026-06-30');
    expect(tb.totalDebitCents).toBe(tb.totalCreditCents);
    expect(net(tb, '1100')).toBe(r.insurance.totalCents);
    expect(net(tb, '1110')).toBe(r.patient.totalCents);
  });

  it('as of an earlier day counts only the postings through it, aged to it', async () => {
    const r = (await get('/api/reports/ar-aging?asOf=2026-06-25')).json() as ArAging;
    expect(r.insurance.items.map((i) => [i.payerName, i.aging])).toEqual([
      ['Acme Health', aging({ '0-30': 20_000, '31-60': 10_000 })],
      ['Blue Payer', aging({ '91-120': 30_000 })],
    ]);
    expect(r.patient.aging).toEqual(aging({ '31-60': -3_000, '61-90': 8_000 }));
  });

  it('filters by the location of the visit (a payer payment carries none), and another location has nothing', async () => {
    const here = (await get(`/api/reports/ar-aging?locationId=${org.locationId}`)).json() as ArAging;
    expect(here.total.totalCents).toBe(45_500);
    const there = (await get(`/api/reports/ar-aging?locationId=${org.secondLocationId}`)).json() as ArAging;
    expect(there.insurance.items).toEqual([]);
    expect(there.total).toEqual({ aging: aging({}), totalCents: 0 });
  });

  it('answers the same figures as CSV (a header row, decimal dollars)', async () => {
    const json = (await get('/api/reports/ar-aging')).json() as ArAging;
    const res = await get('/api/reports/ar-aging?format=csv');
    expect(res.headers['content-type']).toMatch(/^text\/csv/);
    expect(res.headers['content-disposition']).toMatch(/attachment; filename="ar-aging-/);
    const [header, ...rows] = parseCsv(res.body);
    expect(header).toEqual(['section', 'payer', ...BUCKETS, 'total']);
    const figures = (row: string[]) => row.slice(2).map(cents);
    const expected = [
      ...json.insurance.items.map((i) => ['insurance', i.payerName, ...BUCKETS.map((b) => i.aging[b]), i.totalCents]),
      ['insurance total', '', ...BUCKETS.map((b) => json.insurance.aging[b]), json.insurance.totalCents],
      ['patient', '', ...BUCKETS.map((b) => json.patient.aging[b]), json.patient.totalCents],
      ['total', '', ...BUCKETS.map((b) => json.total.aging[b]), json.total.totalCents],
    ];
    expect(rows.map((r) => [r[0], r[1], ...figures(r)])).toEqual(expected);
    expect(rows.find((r) => r[0] === 'patient')?.[3]).toBe('-30.00');
  });
});

describe('days in A/R, collections, payments by method, trial balance', () => {
  it('days in A/R = total A/R ÷ (gross charges of the window ÷ days), with its inputs', async () => {
    const r = (await get('/api/reports/days-in-ar?days=90')).json() as Record<string, unknown>;
    // The window 2026-04-02..2026-06-30 holds the charges of P1, P3 and P4 (P2's is older).
    expect(r).toEqual({
      asOf: '2026-06-30',
      from: '2026-04-02',
      days: 90,
      locationId: null,
      insuranceArCents: 40_000,
      patientArCents: 5_500,
      totalArCents: 45_500,
      grossChargesCents: 43_000,
      averageDailyChargesCents: 478,
      daysInAr: 95.2,
    });
    const csv = parseCsv((await get('/api/reports/days-in-ar?days=90&format=csv')).body);
    expect(csv[1]).toEqual(['2026-06-30', '2026-04-02', '90', '400.00', '55.00', '455.00', '430.00', '4.78', '95.2']);
  });

  it('collections and adjustments by month: payer and patient payments, contractual adjustments (CO-45), write-offs', async () => {
    const r = (await get('/api/reports/collections?from=2026-03-01&to=2026-06-30&period=month')).json() as {
      items: Record<string, unknown>[];
      totals: Record<string, number>;
    };
    const zero = {
      insurancePaymentsCents: 0,
      patientPaymentsCents: 0,
      refundsCents: 0,
      contractualAdjustmentsCents: 0,
      otherAdjustmentsCents: 0,
      writeOffsCents: 0,
      providerAdjustmentsCents: 0,
    };
    expect(r.items).toEqual([
      { periodStart: '2026-05-01', ...zero, patientPaymentsCents: 3_000 },
      {
        periodStart: '2026-06-01',
        ...zero,
        insurancePaymentsCents: 13_500,
        patientPaymentsCents: 1_500,
        contractualAdjustmentsCents: 4_500,
        writeOffsCents: 5_000,
      },
    ]);
    expect(r.totals).toEqual({
      ...zero,
      insurancePaymentsCents: 13_500,
      patientPaymentsCents: 4_500,
      contractualAdjustmentsCents: 4_500,
      writeOffsCents: 5_000,
    });
    // By week: the payer's payment (Sunday 2026-06-28) falls in the week of Monday 2026-06-22, the cash of Monday 2026-06-29 in the next.
    const weeks = (await get('/api/reports/collections?from=2026-06-01&to=2026-06-30&period=week')).json() as typeof r;
    expect(weeks.items.map((i) => [i.periodStart, i.insurancePaymentsCents, i.patientPaymentsCents])).toEqual([
      ['2026-06-15', 0, 0],
      ['2026-06-22', 13_500, 0],
      ['2026-06-29', 0, 1_500],
    ]);
    const csv = parseCsv((await get('/api/reports/collections?from=2026-03-01&to=2026-06-30&format=csv')).body);
    expect(csv[0]?.[0]).toBe('period_start');
    expect(csv.at(-1)).toEqual(['total', '135.00', '45.00', '0.00', '45.00', '0.00', '50.00', '0.00']);
  });

  it('payments by method: counts and cents per method, by location and by the user who posted', async () => {
    const r = (await get('/api/reports/payments-by-method?from=2026-05-01&to=2026-06-30')).json() as {
      byMethod: { method: string; count: number; amountCents: number }[];
      items: { locationName: string; method: string; userId: string | null; count: number; amountCents: number }[];
      total: { count: number; amountCents: number };
    };
    expect(r.byMethod.map((m) => [m.method, m.count, m.amountCents])).toEqual([
      ['cash', 1, 1_500],
      ['check', 1, 3_000],
      ['card', 0, 0],
    ]);
    expect(r.items.map((i) => [i.locationName, i.method, i.userId, i.count, i.amountCents])).toEqual([
      ['East', 'cash', org.users.front_desk.id, 1, 1_500],
      ['East', 'check', org.users.front_desk.id, 1, 3_000],
    ]);
    expect(r.total).toMatchObject({ count: 2, amountCents: 4_500 });
    const june = (await get('/api/reports/payments-by-method?from=2026-06-01&to=2026-06-30')).json() as typeof r;
    expect(june.total).toMatchObject({ count: 1, amountCents: 1_500 });
    const csv = parseCsv((await get('/api/reports/payments-by-method?from=2026-05-01&to=2026-06-30&format=csv')).body);
    expect(csv.at(-1)).toEqual(['all locations', 'all methods', 'all users', '2', '45.00', '0.00']);
  });

  it('the trial balance nets to zero and its CSV carries the same lines', async () => {
    const tb = await trialBalanceOf('2026-06-30');
    expect(tb.totalDebitCents).toBe(tb.totalCreditCents);
    const csv = parseCsv((await get('/api/reports/trial-balance?asOf=2026-06-30&format=csv')).body);
    expect(csv[0]).toEqual(['account', 'account_name', 'kind', 'debit', 'credit']);
    expect(csv.slice(1, -1).map((r) => [r[0], cents(r[3] ?? ''), cents(r[4] ?? '')])).toEqual(
      tb.items.map((i) => [i.account, i.debitCents, i.creditCents]),
    );
    expect(csv.at(-1)?.slice(3).map(cents)).toEqual([tb.totalDebitCents, tb.totalCreditCents]);
  });
});

describe('general-ledger journal export', () => {
  it('one CSV row per journal line of the range; debits equal credits', async () => {
    const res = await get('/api/ledger/journal.csv?from=2026-03-01&to=2026-06-30');
    expect(res.headers['content-type']).toMatch(/^text\/csv/);
    expect(res.headers['content-disposition']).toBe('attachment; filename="journal-2026-03-01-2026-06-30.csv"');
    const [header, ...rows] = parseCsv(res.body);
    expect(header).toEqual([
      'entry_id',
      'posting_date',
      'kind',
      'memo',
      'line',
      'account_code',
      'account_name',
      'debit',
      'credit',
      'source_type',
      'source_id',
      'location_id',
      'location',
    ]);
    const lines = await t.db
      .selectFrom('journal_lines as l')
      .innerJoin('journal_entries as e', 'e.id', 'l.entry_id')
      .select(['l.entry_id', 'l.line_number', 'l.account_code', 'l.debit_cents', 'l.credit_cents', 'e.posting_date'])
      .where('l.organization_id', '=', org.id)
      .execute();
    expect(rows.length).toBe(lines.length);
    expect(new Set(rows.map((r) => `${r[0]}:${r[4]}`))).toEqual(new Set(lines.map((l) => `${l.entry_id}:${l.line_number}`)));
    const debits = rows.reduce((s, r) => s + cents(r[7] ?? ''), 0);
    const credits = rows.reduce((s, r) => s + cents(r[8] ?? ''), 0);
    expect(debits).toBe(credits);
    expect(debits).toBe(lines.reduce((s, l) => s + Number(l.debit_cents), 0));
    // In posting order.
    const days = rows.map((r) => r[1] ?? '');
    expect(days).toEqual([...days].sort());
    expect(rows.find((r) => r[2] === 'insurance_payment' && r[5] === '4900')?.slice(6, 9)).toEqual([
      'Contractual adjustments',
      '45.00',
      '0.00',
    ]);
    // A narrower range: only its days.
    const june = parseCsv((await get('/api/ledger/journal.csv?from=2026-06-01&to=2026-06-30')).body).slice(1);
    expect(june.length).toBe(lines.filter((l) => String(l.posting_date) >= '2026-06-01').length);
    expect(june.every((r) => (r[1] ?? '') >= '2026-06-01')).toBe(true);
  });

  it('pages by line inside and across entries without losing or repeating one', async () => {
    const all: JournalExportLine[] = [];
    let after = null;
    let pages = 0;
    do {
      const page: Awaited<ReturnType<typeof journalLinesPage>> = await journalLinesPage(org.ctx, {
        from: '2026-03-01',
        to: '2026-06-30',
        after,
        limit: 3,
      });
      all.push(...page.lines);
      after = page.next;
      pages++;
    } while (after && pages < 100);
    const once = await journalLinesPage(org.ctx, { from: '2026-03-01', to: '2026-06-30', limit: 10_000 });
    expect(once.next).toBeNull();
    expect(pages).toBeGreaterThan(5);
    expect(all.map((l) => `${l.entryId}:${l.lineNumber}`)).toEqual(once.lines.map((l) => `${l.entryId}:${l.lineNumber}`));
  });
});

describe('bounds and access', () => {
  it('a range over 366 days answers 400 naming `to`; from after to names `from`; nothing else is wrong', async () => {
    for (const url of [
      '/api/reports/collections?from=2025-06-01&to=2026-06-30',
      '/api/reports/payments-by-method?from=2025-06-01&to=2026-06-30',
      '/api/ledger/journal.csv?from=2025-06-01&to=2026-06-30',
    ]) {
      const res = await t.as(org, 'biller').get(url);
      expect(res.statusCode, url).toBe(400);
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect((res.json() as { errors: { path: string }[] }).errors.map((e) => e.path)).toEqual(['to']);
    }
    // Exactly 366 days is allowed.
    expect((await t.as(org, 'biller').get('/api/reports/collections?from=2025-06-30&to=2026-06-30')).statusCode).toBe(200);
    const backwards = await t.as(org, 'biller').get('/api/reports/collections?from=2026-06-30&to=2026-06-01');
    expect(backwards.statusCode).toBe(400);
    expect((backwards.json() as { errors: { path: string }[] }).errors[0]?.path).toBe('from');
    const badDay = await t.as(org, 'biller').get('/api/reports/ar-aging?asOf=2026-02-30');
    expect(badDay.statusCode).toBe(400);
    expect(JSON.stringify(badDay.json())).toContain('asOf');
  });

  it('report:finance: biller, office manager and admin read them; front desk, clinician and nurse get 403', async () => {
    const urls = [
      '/api/reports/ar-aging',
      '/api/reports/days-in-ar',
      '/api/reports/collections',
      '/api/reports/payments-by-method',
      '/api/reports/trial-balance',
      '/api/ledger/journal.csv',
    ];
    for (const url of urls) {
      for (const role of ['biller', 'office_manager', 'admin'] as const)
        expect((await t.as(org, role).get(url)).statusCode, `${url} ${role}`).toBe(200);
      for (const role of ['front_desk', 'clinician', 'nurse'] as const) {
        const res = await t.as(org, role).get(url);
        expect([res.statusCode, (res.json() as { code: string }).code], `${url} ${role}`).toEqual([403, 'FORBIDDEN']);
      }
    }
  });

  it("another practice sees none of these books, even naming this practice's location", async () => {
    const r = (await get('/api/reports/ar-aging', stranger)).json() as ArAging;
    expect(r.insurance.items).toEqual([]);
    expect(r.total.totalCents).toBe(0);
    const named = (await get(`/api/reports/ar-aging?locationId=${org.locationId}`, stranger)).json() as ArAging;
    expect(named.total.totalCents).toBe(0);
    const pays = (await get('/api/reports/payments-by-method?from=2026-05-01&to=2026-06-30', stranger)).json() as {
      total: { count: number };
    };
    expect(pays.total.count).toBe(0);
    const journal = parseCsv((await get('/api/ledger/journal.csv?from=2026-03-01&to=2026-06-30', stranger)).body);
    expect(journal.length).toBe(1);
  });
});
