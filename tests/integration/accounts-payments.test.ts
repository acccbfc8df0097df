/**
 * Patient payments and refunds: a payment posts one balanced entry (cash or undeposited funds
 * against patient A/R) in its transaction, allocated to the charges named or to the oldest
 * open visits, the rest on account as a credit; the Idempotency-Key makes a double click, a
 * retry or 50 simultaneous requests post once with one answer, and the same key with another
 * body answers 422; bad input answers 400 naming the field and posts nothing; refunds need
 * refund:issue, never exceed the payment (also two at once) and post their entry; the account
 * shows the balances and aging; who may do what.
 */
import { describe, expect, it } from 'vitest';
import { billablePatient, billingPractice, signedVisit } from '../helpers/claim-fixtures.ts';
import { createTestApp } from '../helpers/test-app.ts';

const t = await createTestApp();
const p = await billingPractice(t);
const org = p.org;

type Account = { patientBalanceCents: number; insuranceBalanceCents: number; totalBalanceCents: number; aging: Record<string, number> };
type Payment = {
  id: string;
  amountCents: number;
  allocations: { chargeId: string; encounterId: string; amountCents: number }[];
  unallocatedCents: number;
  refundedCents: number;
  postingDate: string;
};

async function account(patientId: string): Promise<Account> {
  const res = await t.as(org, 'front_desk').get(`/api/patients/${patientId}/account`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as Account;
}

async function trialBalanceNets() {
  const res = await t.as(org, 'biller').get('/api/ledger/trial-balance');
  const tb = res.json() as { totalDebitCents: number; totalCreditCents: number };
  expect(tb.totalDebitCents).toBe(tb.totalCreditCents);
}

async function countRows(table: 'payments' | 'journal_entries' | 'refunds') {
  const r = await t.db
    .selectFrom(table)
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('organization_id', '=', org.id)
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

const pay = (body: Record<string, unknown>, key?: string, role: 'front_desk' | 'biller' | 'clinician' = 'front_desk') =>
  t.as(org, role).post('/api/payments', { locationId: org.locationId, method: 'cash', ...body }, key ? { 'idempotency-key': key } : {});

describe('posting a payment', () => {
  it("pays the oldest visit's charges first, leaves the rest on account as a credit, and posts one balanced entry", async () => {
    const { patientId } = await billablePatient(t, p);
    const first = await signedVisit(t, org, patientId);
    const owed = (await account(patientId)).patientBalanceCents;
    expect(owed).toBeGreaterThan(0);
    const res = await pay({ patientId, amountCents: owed + 500 }, 'key-oldest-first');
    expect(res.statusCode, res.body).toBe(201);
    const payment = res.json() as Payment;
    expect(payment.allocations.every((a) => a.encounterId === first.encounterId)).toBe(true);
    expect(payment.allocations.map((a) => a.chargeId).sort()).toEqual([...first.chargeIds].sort());
    expect(payment.unallocatedCents).toBe(500);
    const after = await account(patientId);
    expect(after.patientBalanceCents).toBe(-500);
    const lines = await t.db
      .selectFrom('journal_lines as l')
      .innerJoin('journal_entries as e', 'e.id', 'l.entry_id')
      .select(['l.account_code', 'l.debit_cents', 'l.credit_cents', 'l.charge_id'])
      .where('e.source_id', '=', payment.id)
      .where('e.kind', '=', 'patient_payment')
      .orderBy('l.line_number')
      .execute();
    expect(lines[0]).toMatchObject({ account_code: '1000', debit_cents: owed + 500 });
    expect(lines.slice(1).every((l) => l.account_code === '1110' && Number(l.debit_cents) === 0)).toBe(true);
    expect(lines.slice(1).reduce((s, l) => s + Number(l.credit_cents), 0)).toBe(owed + 500);
    await trialBalanceNets();
  });

  it('pays the charges named; a check needs its number and goes to undeposited funds', async () => {
    const { patientId } = await billablePatient(t, p);
    const visit = await signedVisit(t, org, patientId);
    const [chargeId] = visit.chargeIds;
    const noNumber = await pay({ patientId, amountCents: 1000, method: 'check', allocations: [{ chargeId, amountCents: 1000 }] });
    expect(noNumber.statusCode).toBe(400);
    expect(noNumber.json().errors[0].path).toBe('reference');
    const res = await pay({
      patientId,
      amountCents: 1000,
      method: 'check',
      reference: '1042',
      allocations: [{ chargeId, amountCents: 1000 }],
    });
    expect(res.statusCode, res.body).toBe(201);
    expect((res.json() as Payment).allocations).toEqual([{ chargeId, encounterId: visit.encounterId, amountCents: 1000 }]);
    const cash = await t.db
      .selectFrom('journal_lines as l')
      .innerJoin('journal_entries as e', 'e.id', 'l.entry_id')
      .select('l.account_code')
      .where('e.source_id', '=', (res.json() as Payment).id)
      .where('l.debit_cents', '>', 0)
      .execute();
    expect(cash.map((c) => c.account_code)).toEqual(['1010']);
  });

  it('refuses bad input with 400 naming the field, and posts nothing', async () => {
    const { patientId } = await billablePatient(t, p);
    const other = await t.newOrg();
    const before = [await countRows('payments'), await countRows('journal_entries')];
    const cases: [Record<string, unknown>, string][] = [
      [{ patientId, amountCents: 0 }, 'amountCents'],
      [{ patientId, amountCents: -100 }, 'amountCents'],
      [{ patientId, amountCents: 12.5 }, 'amountCents'],
      [{ patientId, amountCents: 100, method: 'bitcoin' }, 'method'],
      [{ patientId, amountCents: 100, method: 'card' }, 'cardLast4'],
      [{ patientId, amountCents: 100, postingDate: '2999-01-01' }, 'postingDate'],
      [{ patientId, amountCents: 100, allocations: [{ chargeId: org.providerId, amountCents: 100 }] }, 'allocations.0.chargeId'],
      [{ patientId, amountCents: 100, allocations: [{ chargeId: org.providerId, amountCents: 200 }] }, 'allocations'],
    ];
    for (const [body, path] of cases) {
      const res = await pay(body);
      expect(res.statusCode, `${JSON.stringify(body)} ${res.body}`).toBe(400);
      expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
      expect((res.json() as { errors: { path: string }[] }).errors.map((e) => e.path)).toContain(path);
    }
    // A location of another practice: named, not a server error.
    const wrongPlace = await t
      .as(org, 'front_desk')
      .post('/api/payments', { patientId, amountCents: 100, method: 'cash', locationId: other.locationId });
    expect(wrongPlace.statusCode).toBe(400);
    expect(wrongPlace.json().errors[0].path).toBe('locationId');
    expect([await countRows('payments'), await countRows('journal_entries')]).toEqual(before);
  });
});

describe('the Idempotency-Key', () => {
  it('a double click and a retry post once and answer the same payment; the same key with another body answers 422', async () => {
    const { patientId } = await billablePatient(t, p);
    const body = { patientId, amountCents: 2500, note: 'Copay' };
    const one = await pay(body, 'copay-double-click');
    const two = await pay({ note: 'Copay', amountCents: 2500, patientId }, 'copay-double-click');
    expect(one.statusCode, one.body).toBe(201);
    expect(two.statusCode, two.body).toBe(201);
    expect(two.json()).toEqual(one.json());
    const reused = await pay({ ...body, amountCents: 2600 }, 'copay-double-click');
    expect(reused.statusCode).toBe(422);
    expect(reused.json().code).toBe('IDEMPOTENCY_KEY_REUSED');
    expect((await account(patientId)).patientBalanceCents).toBe(-2500);
  });

  it('50 simultaneous requests with one key post one payment and one entry, and all get the same answer', async () => {
    const { patientId } = await billablePatient(t, p);
    const before = [await countRows('payments'), await countRows('journal_entries')];
    const answers = await Promise.all(Array.from({ length: 50 }, () => pay({ patientId, amountCents: 4000 }, 'fifty-at-once')));
    const codes = answers.map((a) => a.statusCode);
    expect(codes.filter((c) => c === 201).length, JSON.stringify(answers.filter((a) => a.statusCode !== 201).map((a) => a.body))).toBe(50);
    expect(new Set(answers.map((a) => (a.json() as Payment).id)).size).toBe(1);
    expect([await countRows('payments'), await countRows('journal_entries')]).toEqual([(before[0] ?? 0) + 1, (before[1] ?? 0) + 1]);
    expect((await account(patientId)).patientBalanceCents).toBe(-4000);
  });
});

describe('refunds', () => {
  it('need refund:issue and a reason, never exceed what is left (also two at once), and post Dr patient A/R, Cr cash', async () => {
    const { patientId } = await billablePatient(t, p);
    const paid = (await pay({ patientId, amountCents: 3000 }, 'refund-me')).json() as Payment;
    expect(
      (await t.as(org, 'front_desk').post(`/api/payments/${paid.id}/refund`, { amountCents: 100, reason: 'Overpaid' })).statusCode,
    ).toBe(403);
    const noReason = await t.as(org, 'biller').post(`/api/payments/${paid.id}/refund`, { amountCents: 100 });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().errors[0].path).toBe('reason');
    const both = await Promise.all([
      t.as(org, 'biller').post(`/api/payments/${paid.id}/refund`, { amountCents: 2000, reason: 'Overpaid copay' }),
      t.as(org, 'biller').post(`/api/payments/${paid.id}/refund`, { amountCents: 2000, reason: 'Overpaid copay' }),
    ]);
    expect(both.map((r) => r.statusCode).sort()).toEqual([201, 400]);
    const refused = both.find((r) => r.statusCode === 400);
    expect(refused?.json().errors[0].path).toBe('amountCents');
    const after = (await t.as(org, 'biller').get(`/api/payments/${paid.id}`)).json() as Payment;
    expect(after.refundedCents).toBe(2000);
    expect((await account(patientId)).patientBalanceCents).toBe(-1000);
    await trialBalanceNets();
  });
});

describe('who may do what', () => {
  it('front desk and billers post; clinicians get 403; another practice’s payment and patient answer 404', async () => {
    const { patientId } = await billablePatient(t, p);
    expect((await pay({ patientId, amountCents: 100 }, undefined, 'clinician')).statusCode).toBe(403);
    expect((await t.as(org, 'clinician').get(`/api/patients/${patientId}/account`)).statusCode).toBe(403);
    const mine = (await pay({ patientId, amountCents: 100 }, undefined, 'biller')).json() as Payment;
    const other = await t.newOrg();
    expect((await t.as(other, 'biller').get(`/api/payments/${mine.id}`)).statusCode).toBe(404);
    expect((await t.as(other, 'biller').post(`/api/payments/${mine.id}/refund`, { amountCents: 1, reason: 'x' })).statusCode).toBe(404);
    expect((await t.as(other, 'front_desk').get(`/api/patients/${patientId}/account`)).statusCode).toBe(404);
    const theirs = await t
      .as(other, 'front_desk')
      .post('/api/payments', { patientId, amountCents: 100, method: 'cash', locationId: other.locationId });
    expect(theirs.statusCode).toBe(404);
  });
});

describe('the payments list', () => {
  it("lists a patient's payments newest first, by pages, with refunds; a bad cursor is a 400", async () => {
    const { patientId } = await billablePatient(t, p);
    await signedVisit(t, org, patientId);
    const ids: string[] = [];
    for (const amountCents of [100, 200, 300]) ids.push(((await pay({ patientId, amountCents })).json() as Payment).id);
    expect((await t.as(org, 'biller').post(`/api/payments/${ids[1]}/refund`, { amountCents: 50, reason: 'Overpaid' })).statusCode).toBe(
      201,
    );
    const first = await t.as(org, 'front_desk').get(`/api/patients/${patientId}/payments?limit=2`);
    expect(first.statusCode, first.body).toBe(200);
    const page1 = first.json() as { items: Payment[]; nextCursor: string | null };
    expect(page1.items.map((i) => i.id)).toEqual([ids[2], ids[1]]);
    expect(page1.nextCursor).not.toBeNull();
    const page2 = (await t.as(org, 'front_desk').get(`/api/patients/${patientId}/payments?limit=2&cursor=${page1.nextCursor}`)).json() as {
      items: Payment[];
      nextCursor: string | null;
    };
    expect(page2).toEqual({ items: [expect.objectContaining({ id: ids[0], amountCents: 100 })], nextCursor: null });
    // Each listed payment, with its own allocations and refunds, is what reading it alone answers.
    const listed = [...page1.items, ...page2.items];
    expect(listed.every((i) => i.allocations.length > 0)).toBe(true);
    expect(listed.find((i) => i.id === ids[1])?.refundedCents).toBe(50);
    for (const item of listed) expect(item).toEqual((await t.as(org, 'front_desk').get(`/api/payments/${item.id}`)).json());
    const bad = await t.as(org, 'front_desk').get(`/api/patients/${patientId}/payments?cursor=nope`);
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].path).toBe('cursor');
  });
});

describe('the account', () => {
  it('ages the balance by visit and splits patient and insurance parts', async () => {
    const { patientId } = await billablePatient(t, p);
    await signedVisit(t, org, patientId);
    const a = await account(patientId);
    expect(a.insuranceBalanceCents).toBe(0);
    expect(a.totalBalanceCents).toBe(a.patientBalanceCents);
    expect(Object.keys(a.aging)).toEqual(['0-30', '31-60', '61-90', '91-120', '120+']);
    expect(Object.values(a.aging).reduce((s, v) => s + v, 0)).toBe(a.totalBalanceCents);
    expect(a.aging['0-30']).toBe(a.totalBalanceCents);
  });
});
