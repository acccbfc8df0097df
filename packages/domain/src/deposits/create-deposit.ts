import { recordAudit } from '../audit/index.ts';
import { actorUserId, type Ctx, inTransaction } from '../shared/context.ts';
import { AppError, invalid, isUniqueViolation } from '../shared/errors.ts';
import { emit } from '../shared/events.ts';
import { nextOpenDay } from './day-lock.ts';
import { depositCreated } from './deposit-events.ts';
import type { Deposit, DepositInput } from './deposits.schemas.ts';
import { requireAtLocation } from './location-scope.ts';
import { depositables, lockDeposits } from './undeposited.ts';
import { loadDeposit } from './list-deposits.ts';

/**
 * Take payments to the bank (deposit:create at the location): the ones named, or every
 * undeposited payment of the location's closed days. A payment goes to the bank once (unique in
 * the database; deposits at a location are made one at a time); a voided one never. Dated today
 * at the location, or the next open day when today is closed. Posts Dr bank, Cr cash drawer and
 * undeposited funds in the same transaction (deposit.created → ledger).
 */
export async function createDeposit(ctx: Ctx, input: DepositInput): Promise<Deposit> {
  return inTransaction(ctx, async (tx) => {
    const { today } = await requireAtLocation(tx, 'deposit:create', input.locationId);
    await lockDeposits(tx, input.locationId);
    const found = await depositables(tx, {
      locationId: input.locationId,
      ...(input.paymentIds ? { paymentIds: input.paymentIds } : { closedDaysOnly: true }),
    });
    if (input.paymentIds) {
      const seen = new Set<string>();
      const byId = new Map(found.map((f) => [f.paymentId, f]));
      for (const [i, id] of input.paymentIds.entries()) {
        const path = `paymentIds.${i}`;
        if (seen.has(id)) throw invalid(path, 'this payment is listed twice');
        seen.add(id);
        const f = byId.get(id);
        if (!f || f.locationId !== input.locationId) throw invalid(path, 'not a payment taken at this location');
        const conflict = (message: string) => new AppError('CONFLICT', message, { errors: [{ path, message }] });
        if (f.voided) throw conflict('this payment was voided');
        if (f.deposited) throw conflict('this payment is already in a deposit');
        if (f.amountCents <= 0) throw conflict('this cash payment was refunded in full: nothing is left to deposit');
        if (f.postingDate > today) throw conflict('this payment is dated after today');
      }
    }
    const items = found.filter((f) => !f.voided && !f.deposited && f.amountCents > 0);
    if (items.length === 0) throw new AppError('CONFLICT', 'nothing to deposit: no undeposited payments of closed days at this location');
    const sum = (m: string) => items.filter((i) => i.method === m).reduce((s, i) => s + i.amountCents, 0);
    const cashCents = sum('cash');
    const checkCents = sum('check');
    const cardCents = sum('card');
    const depositDate = await nextOpenDay(tx, { locationId: input.locationId, from: today });
    const row = await tx.db
      .insertInto('deposits')
      .values({
        organization_id: tx.organizationId,
        location_id: input.locationId,
        deposit_date: depositDate,
        cash_cents: cashCents,
        check_cents: checkCents,
        card_cents: cardCents,
        total_cents: cashCents + checkCents + cardCents,
        payment_count: items.length,
        bank_reference: input.bankReference ?? null,
        deposited_by: actorUserId(tx),
        created_at: tx.clock.now(),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    try {
      await tx.db
        .insertInto('deposit_items')
        .values(
          items.map((i) => ({
            organization_id: tx.organizationId,
            deposit_id: row.id,
            payment_id: i.paymentId,
            method: i.method,
            amount_cents: i.amountCents,
          })),
        )
        .execute();
    } catch (e) {
      if (isUniqueViolation(e)) throw new AppError('CONFLICT', 'a payment of this deposit was deposited meanwhile; nothing was deposited');
      throw e;
    }
    await recordAudit(tx, {
      action: 'create',
      resourceType: 'deposit',
      resourceId: row.id,
      details: { paymentCount: items.length, totalCents: cashCents + checkCents + cardCents },
    });
    await emit(tx, depositCreated, {
      depositId: row.id,
      locationId: input.locationId,
      depositDate,
      cashCents,
      nonCashCents: checkCents + cardCents,
    });
    return loadDeposit(tx, row.id);
  });
}
