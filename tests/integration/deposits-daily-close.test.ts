/**
 * Daily close and deposits: the close records the day's payments by method and by user, the cash
 * expected (cash payments minus cash refunds and voids of the day), counted and the variance
 * (posted to cash over and short); the same day again is 409; nothing can be dated into a closed
 * day (payments and refunds answer 409 DAY_CLOSED and change nothing; a void posts its reversal on
 * the next open day); a deposit moves the drawer and undeposited funds to the bank, each payment
 * once; bad input is a 400 naming the field; another practice's objects and another location's day
 * (for a role granted at one location) answer 404.
 */
import { createSession } from '@domain/identity/sessions.ts';
import { FakeClock } from '@domain/shared/clock.ts';
import { describe, expect, it } from 'vitest';
import { newPatient } from '../helpers/scheduling-factories.ts';
import { createTestApp } from '../helpers/test-app.ts';

// 12:00 in New York and 10:00 in Denver on 2026-03-10.
const clock = new FakeClock('2026-03-10T16:00:00Z');
const t = await createTestApp({ clock });
const org = await t.newOrg();
const other = await t.newOrg();
const TODAY = '2026-03-10';
const east = org.locationId;
const west = org.secondLocationId;

type Close = {
  expectedCashCents: number;
  countedCashCents: number;
  varianceCents: number;
  paymentCount: number;
  totalCents: number;
  byMethod: { method: string; count: number; cents: number }[];
  byUser: { userId: string | null; name: string; count: number; cents: number }[];
};

async function pay(
  locationId: string,
  amountCents: number,
  method: 'cash' | 'check' | 'card',
  postingDate?: string,
  role: 'front_desk' | 'biller' = 'front_desk',
) {
  const patientId = await newPatient(t.db, org);
  const res = await t.as(org, role).post('/api/payments', {
    patientId,
    locationId,
    amountCents,
    method,
    ...(postingDate ? { postingDate } : {}),
    ...(method === 'check' ? { reference: '1001' } : {}),
    ...(method === 'card' ? { cardLast4: '4242' } : {}),
  });
  return res;
}
async function paid(...args: Parameters<typeof pay>): Promise<{ id: string; patientId: string }> {
  const res = await pay(...args);
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}

async function balances(): Promise<Record<string, number>> {
  const res = await t.as(org, 'biller').get('/api/ledger/trial-balance');
  expect(res.statusCode, res.body).toBe(200);
  const tb = res.json() as {
    items: { account: { code: string } | string; debitCents: number; creditCents: number }[];
    totalDebitCents: number;
    totalCreditCents: number;
  };
  expect(tb.totalDebitCents).toBe(tb.totalCreditCents);
  return Object.fromEntries(
    tb.items.map((i) => [typeof i.account === 'string' ? i.account : i.account.code, i.debitCents - i.creditCents]),
  );
}

async function count(table: 'payments' | 'journal_entries' | 'refunds' | 'daily_closes' | 'deposits') {
  const r = await t.db
    .selectFrom(table)
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('organization_id', '=', org.id)
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

const close = (locationId: string, date: string, countedCashCents: number, role: 'office_manager' | 'biller' = 'office_manager') =>
  t.as(org, role).post('/api/daily-closes', { locationId, date, countedCashCents });

describe('closing a day', () => {
  it('records payments by method and by user, expected cash (cash payments minus cash refunds), counted and variance; posts the variance', async () => {
    const a = await paid(west, 5_000, 'cash');
    await paid(west, 3_000, 'check');
    await paid(west, 2_000, 'card', undefined, 'biller');
    await paid(west, 1_000, 'cash', undefined, 'biller');
    const refund = await t.as(org, 'biller').post(`/api/payments/${a.id}/refund`, { amountCents: 1_200, reason: 'Overpaid copay' });
    expect(refund.statusCode, refund.body).toBe(201);
    // Another location's and another day's money is not this day's.
    await paid(east, 700, 'cash');
    await paid(west, 900, 'cash', '2026-03-09');

    const preview = await t.as(org, 'front_desk').get(`/api/daily-closes/preview?locationId=${west}&date=${TODAY}`);
    expect(preview.statusCode, preview.body).toBe(200);
    expect(preview.json()).toMatchObject({ expectedCashCents: 4_800, paymentCount: 4, totalCents: 9_800, closed: null });

    const before = await balances();
    const res = await close(west, TODAY, 4_750);
    expect(res.statusCode, res.body).toBe(201);
    const c = res.json() as Close;
    expect(c).toMatchObject({ expectedCashCents: 4_800, countedCashCents: 4_750, varianceCents: -50, paymentCount: 4, totalCents: 9_800 });
    expect(c.byMethod).toEqual([
      { method: 'cash', count: 2, cents: 4_800 },
      { method: 'check', count: 1, cents: 3_000 },
      { method: 'card', count: 1, cents: 2_000 },
    ]);
    const byUser = Object.fromEntries(c.byUser.map((u) => [u.userId, u]));
    expect(byUser[org.users.front_desk.id]).toMatchObject({ count: 2, cents: 8_000 });
    expect(byUser[org.users.biller.id]).toMatchObject({ count: 2, cents: 1_800 });
    // Short 50 cents: Dr cash over and short, Cr cash drawer.
    const after = await balances();
    expect((after['5950'] ?? 0) - (before['5950'] ?? 0)).toBe(50);
    expect((after['1000'] ?? 0) - (before['1000'] ?? 0)).toBe(-50);

    const again = await close(west, TODAY, 4_800, 'biller');
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('ALREADY_EXISTS');
    const list = await t.as(org, 'front_desk').get(`/api/daily-closes?locationId=${west}`);
    expect(list.statusCode, list.body).toBe(200);
    expect(list.json().items.map((i: { date: string }) => i.date)).toEqual([TODAY]);
    const shown = await t.as(org, 'front_desk').get(`/api/daily-closes/preview?locationId=${west}&date=${TODAY}`);
    expect(shown.json().closed).toMatchObject({ varianceCents: -50, countedCashCents: 4_750 });
  });

  it('refuses a payment or a refund dated into the closed day with 409 DAY_CLOSED, and changes nothing', async () => {
    const earlier = await t.db
      .selectFrom('payments')
      .select('id')
      .where('organization_id', '=', org.id)
      .where('location_id', '=', west)
      .where('posting_date', '=', TODAY)
      .executeTakeFirstOrThrow();
    const [payments, entries, refunds] = [await count('payments'), await count('journal_entries'), await count('refunds')];
    const res = await pay(west, 2_500, 'cash');
    expect(res.statusCode, res.body).toBe(409);
    expect(res.json().code).toBe('DAY_CLOSED');
    expect(res.json().errors[0].path).toBe('postingDate');
    const dated = await pay(east, 2_500, 'cash', '2026-03-09');
    expect(dated.statusCode, dated.body).toBe(201); // East's 9 March is open.
    const refund = await t.as(org, 'biller').post(`/api/payments/${earlier.id}/refund`, { amountCents: 100, reason: 'late' });
    expect(refund.statusCode).toBe(409);
    expect(refund.json().code).toBe('DAY_CLOSED');
    expect([await count('payments'), await count('journal_entries'), await count('refunds')]).toEqual([payments + 1, entries + 1, refunds]);
  });

  it("voids a closed day's payment with its reversal on the next open day; a void payment cannot be refunded or voided again", async () => {
    const p = await t.db
      .selectFrom('payments')
      .select(['id', 'amount_cents', 'patient_id'])
      .where('organization_id', '=', org.id)
      .where('location_id', '=', west)
      .where('posting_date', '=', TODAY)
      .where('refunded_cents', '=', 0)
      .where('method', '=', 'check')
      .executeTakeFirstOrThrow();
    const noPermission = await t.as(org, 'front_desk').post(`/api/payments/${p.id}/void`, { reason: 'Posted twice' });
    expect(noPermission.statusCode).toBe(403);
    const missingReason = await t.as(org, 'biller').post(`/api/payments/${p.id}/void`, {});
    expect(missingReason.statusCode).toBe(400);
    expect(missingReason.json().errors[0].path).toBe('reason');
    const res = await t.as(org, 'biller').post(`/api/payments/${p.id}/void`, { reason: 'Posted twice' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ status: 'void', voidReason: 'Posted twice', voidDate: '2026-03-11' });
    const reversal = await t.db
      .selectFrom('journal_entries as r')
      .innerJoin('journal_entries as e', 'e.id', 'r.reverses_entry_id')
      .select(['r.posting_date', 'r.kind'])
      .where('e.source_id', '=', p.id)
      .executeTakeFirstOrThrow();
    expect(reversal).toEqual({ posting_date: '2026-03-11', kind: 'reversal' });
    const account = await t.as(org, 'biller').get(`/api/patients/${p.patient_id}/account`);
    expect(account.json().patientBalanceCents).toBe(0);
    // The closed day's close is unchanged; the 11th shows the void.
    const eleventh = await t.as(org, 'biller').get(`/api/daily-closes/preview?locationId=${west}&date=${TODAY}`);
    expect(eleventh.json().closed.totalCents).toBe(9_800);
    for (const [url, body] of [
      [`/api/payments/${p.id}/void`, { reason: 'again' }],
      [`/api/payments/${p.id}/refund`, { amountCents: 100, reason: 'again' }],
    ] as const) {
      const r = await t.as(org, 'biller').post(url, body);
      expect(r.statusCode, r.body).toBe(409);
      expect(r.json().code).toBe('CONFLICT');
    }
    await balances();
  });

  it('refuses bad input with 400 naming the field, and closes nothing', async () => {
    const before = await count('daily_closes');
    const cases: [Record<string, unknown>, string][] = [
      [{ locationId: east, date: '2026-03-01', countedCashCents: -1 }, 'countedCashCents'],
      [{ locationId: east, date: '2026-03-01', countedCashCents: 12.5 }, 'countedCashCents'],
      [{ locationId: east, date: '2026-02-30', countedCashCents: 0 }, 'date'],
      [{ locationId: east, date: '2026-03-11', countedCashCents: 0 }, 'date'],
      [{ locationId: 'east', date: '2026-03-01', countedCashCents: 0 }, 'locationId'],
      [{ locationId: east, date: '2026-03-01' }, 'countedCashCents'],
      [{ locationId: east, date: '2026-03-01', countedCashCents: 0, extra: 1 }, ''],
    ];
    for (const [body, path] of cases) {
      const res = await t.as(org, 'office_manager').post('/api/daily-closes', body);
      expect(res.statusCode, `${JSON.stringify(body)} ${res.body}`).toBe(400);
      expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
      if (path) expect((res.json() as { errors: { path: string }[] }).errors.map((e) => e.path)).toContain(path);
    }
    expect(await count('daily_closes')).toBe(before);
  });
});

describe('deposits', () => {
  it('moves the closed days’ undeposited payments to the bank (Dr bank, Cr drawer and undeposited funds), each payment once', async () => {
    const cash = await paid(east, 4_000, 'cash', '2026-03-05');
    const check = await paid(east, 6_000, 'check', '2026-03-05');
    const card = await paid(east, 1_500, 'card', '2026-03-05');
    await paid(east, 999, 'cash', TODAY); // today is open at East: not in the default deposit
    expect((await close(east, '2026-03-05', 4_000)).statusCode).toBe(201);
    const undeposited = await t.as(org, 'front_desk').get(`/api/deposits/undeposited?locationId=${east}`);
    expect(undeposited.statusCode, undeposited.body).toBe(200);
    const ids = undeposited.json().items.map((i: { paymentId: string }) => i.paymentId);
    expect(ids).toEqual(expect.arrayContaining([cash.id, check.id, card.id]));

    const before = await balances();
    const res = await t.as(org, 'biller').post('/api/deposits', { locationId: east, bankReference: 'Slip 0305' });
    expect(res.statusCode, res.body).toBe(201);
    const d = res.json();
    expect(d).toMatchObject({
      cashCents: 4_000,
      checkCents: 6_000,
      cardCents: 1_500,
      totalCents: 11_500,
      paymentCount: 3,
      depositDate: TODAY,
    });
    const after = await balances();
    expect((after['1020'] ?? 0) - (before['1020'] ?? 0)).toBe(11_500);
    expect((after['1000'] ?? 0) - (before['1000'] ?? 0)).toBe(-4_000);
    expect((after['1010'] ?? 0) - (before['1010'] ?? 0)).toBe(-7_500);

    const again = await t.as(org, 'biller').post('/api/deposits', { locationId: east });
    expect(again.statusCode).toBe(409);
    const named = await t.as(org, 'biller').post('/api/deposits', { locationId: east, paymentIds: [check.id] });
    expect(named.statusCode).toBe(409);
    expect(named.json().errors[0].path).toBe('paymentIds.0');
    const wrongPlace = await t.as(org, 'biller').post('/api/deposits', { locationId: west, paymentIds: [card.id] });
    expect(wrongPlace.statusCode).toBe(400);
    expect(wrongPlace.json().errors[0].path).toBe('paymentIds.0');
    const voidDeposited = await t.as(org, 'biller').post(`/api/payments/${cash.id}/void`, { reason: 'too late' });
    expect(voidDeposited.statusCode).toBe(409);
    const items = await t.db.selectFrom('deposit_items').select('payment_id').where('organization_id', '=', org.id).execute();
    expect(new Set(items.map((i) => i.payment_id)).size).toBe(items.length);
    const list = await t.as(org, 'front_desk').get(`/api/deposits?locationId=${east}`);
    expect(list.json().items[0]).toMatchObject({ id: d.id, bankReference: 'Slip 0305' });
    expect(
      t.db
        .insertInto('deposit_items')
        .values({ organization_id: org.id, deposit_id: d.id, payment_id: check.id, method: 'check', amount_cents: 1 })
        .execute(),
    ).rejects.toThrow();
  });
});

describe('who may see and act where', () => {
  it("answers 404 for another practice's location or payment", async () => {
    const mine = await paid(east, 300, 'cash', TODAY);
    for (const [method, url, body] of [
      ['post', '/api/daily-closes', { locationId: other.locationId, date: '2026-03-01', countedCashCents: 0 }],
      ['post', '/api/deposits', { locationId: other.locationId }],
      ['get', `/api/daily-closes/preview?locationId=${other.locationId}&date=2026-03-01`, undefined],
      ['get', `/api/daily-closes?locationId=${other.locationId}`, undefined],
      ['get', `/api/deposits?locationId=${other.locationId}`, undefined],
    ] as const) {
      const res = method === 'post' ? await t.as(org, 'office_manager').post(url, body) : await t.as(org, 'office_manager').get(url);
      expect(res.statusCode, `${url} ${res.body}`).toBe(404);
    }
    const foreignVoid = await t.as(other, 'biller').post(`/api/payments/${mine.id}/void`, { reason: 'not ours' });
    expect(foreignVoid.statusCode).toBe(404);
  });

  it('a role granted at one location acts there only, whatever location the request names', async () => {
    const user = await t.db
      .insertInto('users')
      .values({
        organization_id: org.id,
        email: `east.manager.${Date.now()}@test.clinicdesk.dev`,
        display_name: 'East Manager',
        password_hash: null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await t.db
      .insertInto('user_roles')
      .values({ organization_id: org.id, user_id: user.id, role: 'office_manager', location_id: east })
      .execute();
    const { token } = await createSession(t.db, t.clock, { userId: user.id, organizationId: org.id, ip: null, userAgent: null });
    const send = (method: 'GET' | 'POST', url: string, payload?: object) =>
      t.app.inject({ method, url, headers: { authorization: `Bearer ${token}`, 'x-location-id': east }, ...(payload ? { payload } : {}) });
    expect((await send('GET', `/api/daily-closes/preview?locationId=${east}&date=2026-03-02`)).statusCode).toBe(200);
    expect((await send('GET', `/api/daily-closes/preview?locationId=${west}&date=2026-03-02`)).statusCode).toBe(404);
    const elsewhere = await send('POST', '/api/daily-closes', { locationId: west, date: '2026-03-02', countedCashCents: 0 });
    expect(elsewhere.statusCode).toBe(404);
    const here = await send('POST', '/api/daily-closes', { locationId: east, date: '2026-03-02', countedCashCents: 0 });
    expect(here.statusCode, here.body).toBe(201);
    // Without choosing its location, the role does not count at all.
    const unchosen = await t.app.inject({
      method: 'GET',
      url: `/api/daily-closes?locationId=${east}`,
      headers: { authorization: `Bearer ${token}` },
    });
    expect(unchosen.statusCode).toBe(403);
  });
});
