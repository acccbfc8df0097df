import { sql } from 'kysely';
import type { Ctx } from '../shared/context.ts';
import type { DepositMethod } from './deposits.tables.ts';

export interface Depositable {
  paymentId: string;
  locationId: string;
  method: DepositMethod;
  postingDate: string;
  /** What goes to the bank: the payment, a cash one net of its cash refunds (those left the drawer). */
  amountCents: number;
  voided: boolean;
  deposited: boolean;
  dayClosed: boolean;
}

/** Deposits at a location are made one at a time; a void of one of its payments waits for them (shared). */
export async function lockDeposits(tx: Ctx, locationId: string, shared = false): Promise<void> {
  const key = sql`hashtextextended(${`deposit:${tx.organizationId}:${locationId}`}, 0)`;
  if (shared) await sql`select pg_advisory_xact_lock_shared(${key})`.execute(tx.db);
  else await sql`select pg_advisory_xact_lock(${key})`.execute(tx.db);
}

/**
 * Payments as a deposit sees them (at most 1,000): those named, or, without names, the location's
 * undeposited, unvoided payments of closed days, oldest first. Read from the accounts module's
 * `payment_movements` view, grouped per payment.
 */
export async function depositables(
  tx: Ctx,
  q: { locationId: string; paymentIds?: readonly string[]; closedDaysOnly?: boolean; limit?: number },
): Promise<Depositable[]> {
  const org = tx.organizationId;
  let ids: readonly string[];
  if (q.paymentIds) ids = q.paymentIds;
  else {
    let pick = tx.db
      .selectFrom('payment_movements as m')
      .select('m.payment_id')
      .where('m.organization_id', '=', org)
      .where('m.location_id', '=', q.locationId)
      .where('m.movement', '=', 'payment')
      .where((eb) =>
        eb.not(
          eb.exists(
            eb
              .selectFrom('deposit_items as d')
              .select('d.payment_id')
              .where('d.organization_id', '=', org)
              .whereRef('d.payment_id', '=', 'm.payment_id'),
          ),
        ),
      )
      .where((eb) =>
        eb.not(
          eb.exists(
            eb
              .selectFrom('payment_movements as v')
              .select('v.payment_id')
              .where('v.organization_id', '=', org)
              .where('v.location_id', '=', q.locationId)
              .where('v.movement', '=', 'void')
              .whereRef('v.payment_id', '=', 'm.payment_id'),
          ),
        ),
      )
      .orderBy('m.movement_date')
      .orderBy('m.recorded_at')
      .limit(Math.min(q.limit ?? 1000, 1000));
    if (q.closedDaysOnly)
      pick = pick.where((eb) =>
        eb.exists(
          eb
            .selectFrom('daily_closes as c')
            .select('c.id')
            .where('c.organization_id', '=', org)
            .where('c.location_id', '=', q.locationId)
            .whereRef('c.close_date', '=', 'm.movement_date'),
        ),
      );
    ids = (await pick.execute()).map((r) => r.payment_id);
  }
  if (ids.length === 0) return [];
  const rows = await tx.db
    .selectFrom('payment_movements as m')
    .select((eb) => [
      'm.payment_id',
      'm.location_id',
      'm.method',
      eb.fn.max('m.movement_date').filterWhere('m.movement', '=', 'payment').as('posting_date'),
      sql<string>`sum(case when m.movement = 'payment' or (m.movement = 'refund' and m.method = 'cash') then m.amount_cents else 0 end)`.as(
        'amount',
      ),
      sql<boolean>`bool_or(m.movement = 'void')`.as('voided'),
    ])
    .where('m.organization_id', '=', org)
    .where('m.payment_id', 'in', ids)
    .groupBy(['m.payment_id', 'm.location_id', 'm.method'])
    .execute();
  const deposited = new Set(
    (
      await tx.db
        .selectFrom('deposit_items')
        .select('payment_id')
        .where('organization_id', '=', org)
        .where('payment_id', 'in', ids)
        .execute()
    ).map((r) => r.payment_id),
  );
  const dates = [...new Set(rows.map((r) => r.posting_date).filter((d): d is string => d !== null))];
  const closedDays = new Set(
    dates.length
      ? (
          await tx.db
            .selectFrom('daily_closes')
            .select('close_date')
            .where('organization_id', '=', org)
            .where('location_id', '=', q.locationId)
            .where('close_date', 'in', dates)
            .execute()
        ).map((r) => r.close_date)
      : [],
  );
  const byId = new Map(rows.map((r) => [r.payment_id, r]));
  return ids.flatMap((id) => {
    const r = byId.get(id);
    if (!r?.posting_date) return [];
    return [
      {
        paymentId: id,
        locationId: r.location_id,
        method: r.method,
        postingDate: r.posting_date,
        amountCents: Number(r.amount),
        voided: r.voided,
        deposited: deposited.has(id),
        dayClosed: closedDays.has(r.posting_date),
      },
    ];
  });
}

/** Whether a payment went to the bank; waits for a deposit being made at its location. */
export async function paymentDeposited(tx: Ctx, payment: { paymentId: string; locationId: string }): Promise<boolean> {
  await lockDeposits(tx, payment.locationId, true);
  const row = await tx.db
    .selectFrom('deposit_items')
    .select('deposit_id')
    .where('organization_id', '=', tx.organizationId)
    .where('payment_id', '=', payment.paymentId)
    .executeTakeFirst();
  return row !== undefined;
}
