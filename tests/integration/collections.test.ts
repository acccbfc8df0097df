/**
 * Collections on a fixed clock (today 2026-07-10): the worklist groups a family under its
 * guarantor, ages the oldest open patient balance into its bucket and filters by bucket, promise,
 * follow-up and agency; the contact log keeps promises (kept when payments reach the amount);
 * statement.issued sets the last statement; a payment reduces the patient's plan oldest
 * installment first; the periodic sweep marks a missed installment and flags the worklist row;
 * a small-balance write-off previews, then posts balanced entries that bring those balances to
 * zero; who may do what; another practice's objects answer 404; bad input answers 400 naming the field.
 */
import { approveCharge } from '@domain/billing/index.ts';
import { getWorklist, markMissedInstallments } from '@domain/collections/index.ts';
import { FakeClock } from '@domain/shared/clock.ts';
import { systemCtx } from '@domain/shared/context.ts';
import { emit } from '@domain/shared/events.ts';
import { statementIssued } from '@domain/statements/index.ts';
import { describe, expect, it } from 'vitest';
import { type BillingPractice, billablePatient, billingPractice, signedVisit } from '../helpers/claim-fixtures.ts';
import { createTestApp } from '../helpers/test-app.ts';

const clock = new FakeClock('2026-07-10T15:00:00Z');
const t = await createTestApp({ clock });

type Row = {
  guarantorKey: string;
  guarantorName: string;
  balanceCents: number;
  bucket: string;
  patients: { id: string; balanceCents: number }[];
  lastStatement: { on: string; level: string } | null;
  lastContact: { type: string } | null;
  followUpOn: string | null;
  promise: { on: string; amountCents: number; paidCents: number; status: string } | null;
  planStatus: string | null;
  missedInstallment: boolean;
  agencyStatus: string;
};
type Plan = {
  id: string;
  status: string;
  paidCents: number;
  remainingCents: number;
  installments: { seq: number; dueOn: string; amountCents: number; paidCents: number; missed: boolean }[];
};

/** A patient with a visit whose charges were approved (posted to patient A/R) on `approvedOn`. */
async function owing(
  p: BillingPractice,
  approvedOn: string,
  o: { guarantorOf?: string } = {},
): Promise<{ patientId: string; cents: number }> {
  const { patientId } = await billablePatient(t, p);
  if (o.guarantorOf)
    await t.db
      .updateTable('patients')
      .set({ guarantor_kind: 'patient', guarantor_patient_id: o.guarantorOf })
      .where('id', '=', patientId)
      .execute();
  const visit = await signedVisit(t, p.org, patientId, undefined, { approve: false });
  const then = systemCtx(t.db, new FakeClock(`${approvedOn}T15:00:00Z`), p.org.id, 'tests', 'test-approve');
  const charges = await t.db.selectFrom('charges').select(['id', 'version']).where('encounter_id', '=', visit.encounterId).execute();
  for (const c of charges) await approveCharge(then, c.id, c.version);
  return { patientId, cents: await balance(p, patientId) };
}

async function balance(p: BillingPractice, patientId: string): Promise<number> {
  const res = await t.as(p.org, 'biller').get(`/api/patients/${patientId}/account`);
  expect(res.statusCode, res.body).toBe(200);
  return (res.json() as { patientBalanceCents: number }).patientBalanceCents;
}

async function worklist(p: BillingPractice, query = ''): Promise<Row[]> {
  const res = await t.as(p.org, 'biller').get(`/api/collections/worklist${query}`);
  expect(res.statusCode, res.body).toBe(200);
  return (res.json() as { items: Row[] }).items;
}

async function pay(p: BillingPractice, patientId: string, amountCents: number, key: string) {
  const res = await t
    .as(p.org, 'front_desk')
    .post('/api/payments', { patientId, amountCents, method: 'cash', locationId: p.org.locationId }, { 'idempotency-key': key });
  expect(res.statusCode, res.body).toBe(201);
}

async function trialBalanceNets(p: BillingPractice) {
  const tb = (await t.as(p.org, 'biller').get('/api/ledger/trial-balance')).json() as { totalDebitCents: number; totalCreditCents: number };
  expect(tb.totalDebitCents).toBe(tb.totalCreditCents);
}

describe('the worklist', { timeout: 240_000 }, () => {
  it('lists each guarantor once with its family, the oldest bucket, and filters by bucket', async () => {
    const p = await billingPractice(t);
    const recent = await owing(p, '2026-07-01');
    const older = await owing(p, '2026-05-20');
    const guarantor = await owing(p, '2026-04-20');
    const dependent = await owing(p, '2026-03-20', { guarantorOf: guarantor.patientId });
    const rows = await worklist(p);
    expect(rows.length).toBe(3);
    const byKey = new Map(rows.map((r) => [r.guarantorKey, r]));
    expect(byKey.get(recent.patientId)).toMatchObject({ bucket: '0-30', balanceCents: recent.cents, agencyStatus: 'none', promise: null });
    expect(byKey.get(older.patientId)?.bucket).toBe('31-60');
    const family = byKey.get(guarantor.patientId);
    expect(family?.bucket).toBe('91-120');
    expect(family?.balanceCents).toBe(guarantor.cents + dependent.cents);
    expect(family?.patients.map((x) => x.id).sort()).toEqual([guarantor.patientId, dependent.patientId].sort());
    expect((await worklist(p, '?bucket=31-60')).map((r) => r.guarantorKey)).toEqual([older.patientId]);
    expect(await worklist(p, '?bucket=120%2B')).toEqual([]);
    // Keyset pages: one row a page, each guarantor once.
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const res = await t.as(p.org, 'biller').get(`/api/collections/worklist?limit=1${cursor ? `&cursor=${cursor}` : ''}`);
      const body = res.json() as { items: Row[]; nextCursor: string | null };
      seen.push(...body.items.map((r) => r.guarantorKey));
      cursor = body.nextCursor;
    } while (cursor);
    expect(seen.sort()).toEqual(rows.map((r) => r.guarantorKey).sort());
    // A patient paid in full leaves the worklist; every patient shown was audited.
    await pay(p, recent.patientId, recent.cents, 'wl-paid');
    expect((await worklist(p)).map((r) => r.guarantorKey)).not.toContain(recent.patientId);
    const audits = await t.db
      .selectFrom('audit_events')
      .select('patient_id')
      .where('organization_id', '=', p.org.id)
      .where('action', '=', 'search')
      .where('resource_type', '=', 'collection_account')
      .execute();
    expect(new Set(audits.map((a) => a.patient_id))).toEqual(
      new Set([recent.patientId, older.patientId, guarantor.patientId, dependent.patientId]),
    );
  });

  it('shows the last statement from statement.issued, the newest contact, a promise kept by payments, follow-ups due and the agency', async () => {
    const p = await billingPractice(t);
    const a = await owing(p, '2026-06-01');
    const b = await owing(p, '2026-06-02');
    await t.db.transaction().execute((trx) =>
      emit(systemCtx(trx, clock, p.org.id, 'tests', 'test-statement'), statementIssued, {
        statementId: crypto.randomUUID(),
        runId: crypto.randomUUID(),
        guarantorKey: a.patientId,
        patientIds: [a.patientId],
        issuedOn: '2026-07-01',
        dunningLevel: 'second',
        amountDueCents: a.cents,
      }),
    );
    const contact = await t.as(p.org, 'biller').post('/api/collections/contacts', {
      guarantorKey: a.patientId,
      type: 'spoke',
      note: 'Will pay on Friday.',
      promiseOn: '2026-07-17',
      promiseCents: 2000,
      followUpOn: '2026-07-10',
    });
    expect(contact.statusCode, contact.body).toBe(201);
    await t
      .as(p.org, 'biller')
      .post('/api/collections/contacts', { guarantorKey: b.patientId, type: 'voicemail', followUpOn: '2026-07-20' });
    let row = (await worklist(p)).find((r) => r.guarantorKey === a.patientId);
    expect(row).toMatchObject({
      lastStatement: { on: '2026-07-01', level: 'second' },
      lastContact: { type: 'spoke' },
      promise: { on: '2026-07-17', amountCents: 2000, paidCents: 0, status: 'pending' },
    });
    expect((await worklist(p, '?hasPromise=true')).map((r) => r.guarantorKey)).toEqual([a.patientId]);
    expect((await worklist(p, '?hasPromise=false')).map((r) => r.guarantorKey)).toEqual([b.patientId]);
    expect((await worklist(p, '?followUpDue=true')).map((r) => r.guarantorKey)).toEqual([a.patientId]);
    await pay(p, a.patientId, 1200, 'promise-1');
    await pay(p, a.patientId, 800, 'promise-2');
    row = (await worklist(p)).find((r) => r.guarantorKey === a.patientId);
    expect(row?.promise).toMatchObject({ paidCents: 2000, status: 'kept' });
    const log = await t.as(p.org, 'biller').get(`/api/collections/contacts?guarantorKey=${a.patientId}`);
    expect(log.statusCode, log.body).toBe(200);
    expect((log.json() as { items: { type: string; promiseCents: number | null }[] }).items).toMatchObject([
      { type: 'spoke', promiseCents: 2000 },
    ]);
    // The agency: sent today, then exported as CSV.
    const sent = await t.as(p.org, 'biller').post('/api/collections/agency', { guarantorKeys: [b.patientId] });
    expect(sent.statusCode, sent.body).toBe(200);
    expect((await worklist(p, '?agency=sent')).map((r) => r.guarantorKey)).toEqual([b.patientId]);
    const csv = await t.as(p.org, 'biller').get('/api/collections/agency/export.csv');
    expect(csv.statusCode, csv.body).toBe(200);
    expect(csv.headers['content-type']).toContain('text/csv');
    const lines = csv.body.trim().split('\r\n');
    expect(lines.length).toBe(2);
    expect(lines[1]).toContain(b.patientId);
    expect(lines[1]).toContain('12 Elm St');
    expect(lines[1]).toContain(`,${b.cents},`);
  });

  it('shows a promise not kept by its date as broken', async () => {
    const p = await billingPractice(t);
    const a = await owing(p, '2026-06-01');
    await t
      .as(p.org, 'biller')
      .post('/api/collections/contacts', { guarantorKey: a.patientId, type: 'spoke', promiseOn: '2026-07-12', promiseCents: 1000 });
    // Three days later (the desk's session would have expired: the use case reads on a later clock).
    const later = systemCtx(t.db, new FakeClock('2026-07-13T15:00:00Z'), p.org.id, 'tests', 'test-later');
    expect((await getWorklist(later, { limit: 25 })).items[0]?.promise).toMatchObject({ status: 'broken', paidCents: 0 });
  });
});

describe('payment plans', { timeout: 240_000 }, () => {
  it('a payment reduces the plan oldest installment first and completes it', async () => {
    const p = await billingPractice(t);
    const a = await owing(p, '2026-06-15');
    const res = await t.as(p.org, 'biller').post('/api/payment-plans', {
      patientId: a.patientId,
      totalCents: 3000,
      installmentCents: 1000,
      frequency: 'monthly',
      firstDueOn: '2026-07-15',
    });
    expect(res.statusCode, res.body).toBe(201);
    const plan = res.json() as Plan;
    expect(plan.installments.map((i) => [i.dueOn, i.amountCents])).toEqual([
      ['2026-07-15', 1000],
      ['2026-08-15', 1000],
      ['2026-09-15', 1000],
    ]);
    const second = await t.as(p.org, 'biller').post('/api/payment-plans', {
      patientId: a.patientId,
      totalCents: 100,
      installmentCents: 100,
      frequency: 'weekly',
      firstDueOn: '2026-07-15',
    });
    expect(second.statusCode).toBe(409);
    await pay(p, a.patientId, 1500, 'plan-1');
    let plans = (await t.as(p.org, 'biller').get(`/api/payment-plans?patientId=${a.patientId}`)).json() as { items: Plan[] };
    expect(plans.items[0]).toMatchObject({ status: 'active', paidCents: 1500, remainingCents: 1500 });
    expect(plans.items[0]?.installments.map((i) => i.paidCents)).toEqual([1000, 500, 0]);
    await pay(p, a.patientId, 2000, 'plan-2');
    plans = (await t.as(p.org, 'biller').get(`/api/payment-plans?patientId=${a.patientId}`)).json() as { items: Plan[] };
    expect(plans.items[0]).toMatchObject({ status: 'completed', paidCents: 3000, remainingCents: 0 });
  });

  it('the periodic sweep marks an installment missed after due date and grace, flags the worklist; paying it clears the flag; cancel', async () => {
    const p = await billingPractice(t);
    const a = await owing(p, '2026-06-15');
    const created = await t.as(p.org, 'biller').post('/api/payment-plans', {
      patientId: a.patientId,
      totalCents: 2000,
      installmentCents: 1000,
      frequency: 'weekly',
      firstDueOn: '2026-07-10',
    });
    expect(created.statusCode, created.body).toBe(201);
    const planId = (created.json() as Plan).id;
    // Within the grace days nothing is missed.
    await markMissedInstallments(t.db, new FakeClock('2026-07-14T12:00:00Z'));
    expect((await worklist(p))[0]?.missedInstallment).toBe(false);
    await markMissedInstallments(t.db, new FakeClock('2026-07-16T12:00:00Z'));
    const row = (await worklist(p))[0];
    expect(row).toMatchObject({ missedInstallment: true, planStatus: 'active' });
    let plan = ((await t.as(p.org, 'biller').get(`/api/payment-plans?patientId=${a.patientId}`)).json() as { items: Plan[] }).items[0];
    expect(plan?.installments.map((i) => i.missed)).toEqual([true, false]);
    await pay(p, a.patientId, 1000, 'missed-1');
    expect((await worklist(p))[0]?.missedInstallment).toBe(false);
    const cancel = await t.as(p.org, 'biller').post(`/api/payment-plans/${planId}/cancel`, { reason: 'Paying in full next month.' });
    expect(cancel.statusCode, cancel.body).toBe(200);
    expect((cancel.json() as Plan).status).toBe('cancelled');
    expect((await t.as(p.org, 'biller').post(`/api/payment-plans/${planId}/cancel`, { reason: 'again' })).statusCode).toBe(409);
    plan = ((await t.as(p.org, 'biller').get(`/api/payment-plans?patientId=${a.patientId}`)).json() as { items: Plan[] }).items[0];
    expect(plan?.paidCents).toBe(1000);
  });
});

describe('small-balance write-offs', { timeout: 240_000 }, () => {
  it('previews, then writes off each small balance in balanced entries: those balances become 0, others stay', async () => {
    const p = await billingPractice(t);
    const small = await owing(p, '2026-05-01');
    const large = await owing(p, '2026-05-02');
    await pay(p, small.patientId, small.cents - 350, 'wo-small');
    expect(await balance(p, small.patientId)).toBe(350);
    const preview = await t
      .as(p.org, 'office_manager')
      .post('/api/collections/small-balance-write-offs', { maxBalanceCents: 500, reason: 'Below statement cost', preview: true });
    expect(preview.statusCode, preview.body).toBe(200);
    expect(preview.json()).toMatchObject({
      preview: true,
      batchId: null,
      patientCount: 1,
      totalCents: 350,
      items: [{ patientId: small.patientId, amountCents: 350 }],
    });
    expect(await balance(p, small.patientId)).toBe(350);
    const batch = await t
      .as(p.org, 'office_manager')
      .post('/api/collections/small-balance-write-offs', { maxBalanceCents: 500, reason: 'Below statement cost' });
    expect(batch.statusCode, batch.body).toBe(201);
    expect(batch.json()).toMatchObject({ preview: false, patientCount: 1, totalCents: 350 });
    expect(await balance(p, small.patientId)).toBe(0);
    expect(await balance(p, large.patientId)).toBe(large.cents);
    await trialBalanceNets(p);
    const lines = await t.db
      .selectFrom('journal_lines as l')
      .innerJoin('journal_entries as e', 'e.id', 'l.entry_id')
      .select(['l.account_code', 'l.debit_cents', 'l.credit_cents'])
      .where('e.organization_id', '=', p.org.id)
      .where('e.source_type', '=', 'collection_write_off')
      .execute();
    expect(lines.filter((l) => l.account_code === '4950').map((l) => Number(l.debit_cents))).toEqual([350]);
    expect(lines.filter((l) => l.account_code === '1110').reduce((s, l) => s + Number(l.credit_cents) - Number(l.debit_cents), 0)).toBe(
      350,
    );
    // Nothing small is left.
    const again = await t
      .as(p.org, 'office_manager')
      .post('/api/collections/small-balance-write-offs', { maxBalanceCents: 500, reason: 'x', preview: true });
    expect(again.json()).toMatchObject({ patientCount: 0 });
  });
});

describe('who may do what', { timeout: 240_000 }, () => {
  it('refuses without the permission, answers 404 for another practice, 400 naming the field', async () => {
    const p = await billingPractice(t);
    const a = await owing(p, '2026-06-01');
    expect((await t.as(p.org, 'front_desk').get('/api/collections/worklist')).statusCode).toBe(403);
    expect(
      (await t.as(p.org, 'clinician').post('/api/collections/contacts', { guarantorKey: a.patientId, type: 'called' })).statusCode,
    ).toBe(403);
    for (const role of ['biller', 'admin', 'front_desk'] as const)
      expect(
        (await t.as(p.org, role).post('/api/collections/small-balance-write-offs', { maxBalanceCents: 500, reason: 'x', preview: true }))
          .statusCode,
        role,
      ).toBe(403);
    const other = await billingPractice(t);
    expect(
      (await t.as(other.org, 'biller').post('/api/collections/contacts', { guarantorKey: a.patientId, type: 'called' })).statusCode,
    ).toBe(404);
    expect((await t.as(other.org, 'biller').get(`/api/collections/contacts?guarantorKey=${a.patientId}`)).statusCode).toBe(404);
    expect((await t.as(other.org, 'biller').get(`/api/payment-plans?patientId=${a.patientId}`)).statusCode).toBe(404);
    expect((await t.as(other.org, 'biller').post('/api/collections/agency', { guarantorKeys: [a.patientId] })).statusCode).toBe(404);
    const plan = await t.as(p.org, 'biller').post('/api/payment-plans', {
      patientId: a.patientId,
      totalCents: 1000,
      installmentCents: 500,
      frequency: 'monthly',
      firstDueOn: '2026-08-01',
    });
    expect(plan.statusCode, plan.body).toBe(201);
    expect(
      (await t.as(other.org, 'biller').post(`/api/payment-plans/${(plan.json() as Plan).id}/cancel`, { reason: 'x' })).statusCode,
    ).toBe(404);
    expect((await worklist(other)).length).toBe(0);
    const contactsBefore = await t.db.selectFrom('collection_contacts').select('id').where('organization_id', '=', p.org.id).execute();
    const cases: [string, Record<string, unknown>, string][] = [
      ['/api/collections/contacts', { guarantorKey: a.patientId, type: 'called', promiseOn: '2026-07-20' }, 'promiseCents'],
      ['/api/collections/contacts', { guarantorKey: a.patientId, type: 'shouted' }, 'type'],
      ['/api/collections/contacts', { guarantorKey: a.patientId, type: 'spoke', promiseOn: '2026-07-01', promiseCents: 100 }, 'promiseOn'],
      ['/api/collections/contacts', { guarantorKey: 'nobody', type: 'called' }, 'guarantorKey'],
      [
        '/api/payment-plans',
        { patientId: a.patientId, totalCents: 1000, installmentCents: 2000, frequency: 'monthly', firstDueOn: '2026-08-01' },
        'installmentCents',
      ],
      [
        '/api/payment-plans',
        { patientId: a.patientId, totalCents: 10.5, installmentCents: 5, frequency: 'monthly', firstDueOn: '2026-08-01' },
        'totalCents',
      ],
      [
        '/api/payment-plans',
        { patientId: a.patientId, totalCents: 1000, installmentCents: 500, frequency: 'daily', firstDueOn: '2026-08-01' },
        'frequency',
      ],
      ['/api/collections/agency', { guarantorKeys: [] }, 'guarantorKeys'],
    ];
    for (const [url, body, path] of cases) {
      const res = await t.as(p.org, 'biller').post(url, body);
      expect(res.statusCode, `${url} ${JSON.stringify(body)}`).toBe(400);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect((res.json() as { errors: { path: string }[] }).errors[0]?.path).toBe(path);
    }
    const wo = await t.as(p.org, 'office_manager').post('/api/collections/small-balance-write-offs', { maxBalanceCents: 0, reason: 'x' });
    expect(wo.statusCode).toBe(400);
    expect((wo.json() as { errors: { path: string }[] }).errors[0]?.path).toBe('maxBalanceCents');
    expect((await t.db.selectFrom('collection_contacts').select('id').where('organization_id', '=', p.org.id).execute()).length).toBe(
      contactsBefore.length,
    );
  });
});
