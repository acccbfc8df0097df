/**
 * Payments: `payments` is the desk taking payments at 50 connections (POST /api/payments, cash,
 * each with its own Idempotency-Key): the key's unique insert, the allocation to the oldest open
 * visits, the audit row and one balanced journal entry per payment, all in one transaction.
 * After the run it checks the books: one `patient_payment` entry per payment posted, and the
 * trial balance nets to zero.
 */
import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { load, type Scenario } from '../harness.ts';

export const paymentsPost: Scenario = {
  name: 'payments',
  description: 'POST /api/payments with a unique Idempotency-Key each (cash, oldest visits first): one balanced journal entry per payment',
  async run(s) {
    const org = s.organizationId;
    const location = await s.db
      .insertInto('locations')
      .values({ organization_id: org, name: `Bench Desk ${Date.now()}`, time_zone: 'America/New_York' })
      .returning('id')
      .executeTakeFirstOrThrow();
    const patients = await s.patients();
    if (patients.length === 0) throw new Error('the bench population has no patients');
    const before = await s.db
      .selectFrom('payments')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where('organization_id', '=', org)
      .executeTakeFirstOrThrow();
    let n = 0;
    const result = await load('payments', {
      url: `${s.url}/api/payments`,
      method: 'POST',
      headers: { authorization: `Bearer ${s.adminToken}`, 'content-type': 'application/json' },
      connections: s.options.connections,
      duration: s.options.durationSeconds,
      warmupSeconds: 3,
      requests: [
        {
          setupRequest: (req: Record<string, unknown>) => {
            const i = n++;
            return {
              ...req,
              headers: { ...(req.headers as Record<string, string>), 'idempotency-key': randomUUID() },
              body: JSON.stringify({
                patientId: patients[i % patients.length],
                amountCents: 500 + (i % 50) * 100,
                method: 'cash',
                locationId: location.id,
              }),
            };
          },
        },
      ],
    } as unknown as Parameters<typeof load>[1]);
    // The books after the run: every payment posted exactly one entry, and they balance.
    const books = await sql<{ payments: string; entries: string; debit: string; credit: string }>`
      select (select count(*) from payments where organization_id = ${org}) as payments,
             (select count(*) from journal_entries e join payments p on p.id::text = e.source_id
               where e.organization_id = ${org} and e.kind = 'patient_payment') as entries,
             (select coalesce(sum(debit_cents), 0) from journal_lines where organization_id = ${org}) as debit,
             (select coalesce(sum(credit_cents), 0) from journal_lines where organization_id = ${org}) as credit`.execute(s.db);
    const b = books.rows[0];
    if (!b || b.payments !== b.entries) throw new Error(`payments and their entries differ: ${JSON.stringify(b)}`);
    if (b.debit !== b.credit) throw new Error(`the books do not balance: ${JSON.stringify(b)}`);
    return { ...result, paymentsPosted: Number(b.payments) - Number(before.n), booksBalanced: true };
  },
};

export const paymentScenarios: Scenario[] = [paymentsPost];
