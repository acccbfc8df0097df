/**
 * A close and payments racing for one location's day, through the real HTTP stack on a pool wide
 * enough that they truly race in PostgreSQL: every payment either lands before the close and is
 * counted by it, or is refused with 409 DAY_CLOSED and leaves nothing behind. Never both, never
 * neither.
 */
import { createTestDatabase } from '@db/testing.ts';
import type { Database } from '@domain/database.ts';
import { FakeClock } from '@domain/shared/clock.ts';
import { buildApp } from '@server/app.ts';
import { afterAll, describe, expect, it } from 'vitest';
import { newOrganization } from '../helpers/factories.ts';
import { newPatient } from '../helpers/scheduling-factories.ts';

const clock = new FakeClock('2026-03-10T16:00:00Z');
const database = await createTestDatabase<Database>({ poolSize: 30, connectionTimeoutMillis: 60_000 });
const { app } = await buildApp({ db: database.db, pool: database.pool, clock });
afterAll(() => app.close());

const N = 40;

describe('a daily close racing payments into its day', () => {
  it('counts exactly the payments that committed; every other one answers 409 DAY_CLOSED and posts nothing', async () => {
    const org = await newOrganization(database.db, clock);
    const patients = await Promise.all(Array.from({ length: 10 }, () => newPatient(database.db, org)));
    for (const [round, date] of ['2026-03-02', '2026-03-03', '2026-03-04'].entries()) {
      const payments = Array.from({ length: N }, (_, i) =>
        app.inject({
          method: 'POST',
          url: '/api/payments',
          headers: { authorization: `Bearer ${org.users.front_desk.token}` },
          payload: {
            patientId: patients[i % patients.length],
            locationId: org.locationId,
            amountCents: 100 + i,
            method: 'cash',
            postingDate: date,
          },
        }),
      );
      // The close goes out in the middle of the burst.
      const closing = new Promise((resolve) => setTimeout(resolve, 5 * round)).then(() =>
        app.inject({
          method: 'POST',
          url: '/api/daily-closes',
          headers: { authorization: `Bearer ${org.users.office_manager.token}` },
          payload: { locationId: org.locationId, date, countedCashCents: 0 },
        }),
      );
      const [answers, closed] = await Promise.all([Promise.all(payments), closing]);
      expect(closed.statusCode, closed.body).toBe(201);
      const codes = answers.map((r) => (r.statusCode === 201 ? 201 : `${r.statusCode} ${r.json().code}`));
      expect(codes.filter((c) => c !== 201 && c !== '409 DAY_CLOSED')).toEqual([]);
      const landed = answers.filter((r) => r.statusCode === 201).map((r) => r.json() as { id: string; amountCents: number });
      const c = closed.json() as { paymentCount: number; expectedCashCents: number; varianceCents: number };
      expect(c.paymentCount).toBe(landed.length);
      expect(c.expectedCashCents).toBe(landed.reduce((s, p) => s + p.amountCents, 0));
      // Nothing counted: the variance is the whole expected cash, short (0 when no payment landed).
      expect(c.varianceCents + c.expectedCashCents).toBe(0);
      const rows = await database.db
        .selectFrom('payments')
        .select(['id'])
        .where('organization_id', '=', org.id)
        .where('posting_date', '=', date)
        .execute();
      expect(rows.map((r) => r.id).sort()).toEqual(landed.map((p) => p.id).sort());
      const entries = await database.db
        .selectFrom('journal_entries')
        .select((eb) => eb.fn.countAll<string>().as('n'))
        .where('organization_id', '=', org.id)
        .where('posting_date', '=', date)
        .where('kind', '=', 'patient_payment')
        .executeTakeFirstOrThrow();
      expect(Number(entries.n)).toBe(landed.length);
    }
  }, 120_000);
});
