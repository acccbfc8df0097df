import { sql } from 'kysely';
import type { Clock } from '../shared/clock.ts';
import type { Db } from '../shared/context.ts';
import { PeriodicTask } from '../shared/periodic-task.ts';
import { refreshMissedFlags } from './refresh-missed-flags.ts';

/** Days after its due date an unpaid installment counts as missed. */
export const INSTALLMENT_GRACE_DAYS = 5;
/** A plan with this many missed installments unpaid is broken (payments no longer go to it). */
export const MISSED_TO_BREAK = 2;
const BATCH = 1000;

/**
 * Marks unpaid installments of active plans missed once their due date plus the grace days has
 * passed (on the UTC calendar: a few hours either side of the practice's day matter nothing
 * against the grace), breaks plans with two missed, and flags their guarantors on the worklist.
 * At most 1,000 installments per run, across practices (the background handle sees all of them);
 * the next run takes the rest. Answers how many it marked.
 */
export async function markMissedInstallments(db: Db, clock: Clock): Promise<number> {
  const cutoff = new Date(clock.now().getTime() - INSTALLMENT_GRACE_DAYS * 86_400_000).toISOString().slice(0, 10);
  const run = async (trx: Db): Promise<number> => {
    const marked = await sql<{ organization_id: string; plan_id: string }>`
      with due as (
        select i.plan_id, i.seq from payment_plan_installments i
          join payment_plans p on p.organization_id = i.organization_id and p.id = i.plan_id
         where i.missed_at is null and i.paid_cents < i.amount_cents and i.due_on < ${cutoff}::date and p.status = 'active'
         order by i.due_on limit ${BATCH}
         for update of i skip locked)
      update payment_plan_installments i set missed_at = ${clock.now()}
        from due where i.plan_id = due.plan_id and i.seq = due.seq
      returning i.organization_id, i.plan_id`.execute(trx);
    if (marked.rows.length === 0) return 0;
    const planIds = [...new Set(marked.rows.map((r) => r.plan_id))];
    await sql`
      update payment_plans p set status = 'broken', updated_at = ${clock.now()}
       where p.id = any(${planIds}::uuid[]) and p.status = 'active'
         and (select count(*) from payment_plan_installments i
               where i.organization_id = p.organization_id and i.plan_id = p.id
                 and i.missed_at is not null and i.paid_cents < i.amount_cents) >= ${MISSED_TO_BREAK}`.execute(trx);
    const keys = await trx
      .selectFrom('payment_plans')
      .select(['organization_id', 'guarantor_key'])
      .distinct()
      .where('id', 'in', planIds)
      .execute();
    await refreshMissedFlags(
      trx,
      keys.map((k) => ({ organizationId: k.organization_id, guarantorKey: k.guarantor_key })),
    );
    return marked.rows.length;
  };
  return db.isTransaction ? run(db) : db.transaction().execute(run);
}

/** The periodic sweep (every 15 minutes in the process running background work). */
export class MissedInstallmentSweeper extends PeriodicTask {
  constructor(opts: { db: Db; clock: Clock; onError?: (err: unknown) => void; intervalMs?: number }) {
    super(
      async () => {
        await markMissedInstallments(opts.db, opts.clock);
      },
      opts.intervalMs ?? 15 * 60_000,
      opts.onError,
    );
  }
}
