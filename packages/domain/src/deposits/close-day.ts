import { recordAudit } from '../audit/index.ts';
import { actorUserId, type Ctx, inTransaction } from '../shared/context.ts';
import { AppError, invalid } from '../shared/errors.ts';
import { emit } from '../shared/events.ts';
import { lockDayForClose } from './day-lock.ts';
import { daySummary, publicClose, selectCloses } from './day-summary.ts';
import { dayClosed } from './deposit-events.ts';
import type { CloseDayInput, DailyClose } from './deposits.schemas.ts';
import { requireAtLocation } from './location-scope.ts';

/**
 * Close a location's day (day:close at that location): the payments by method and by user as
 * they stand, the cash expected in the drawer, the cash counted and the variance, recorded once
 * (a second close of the day answers 409). Holds the day's lock exclusively, so a payment dated
 * into the day either committed before the totals were read or is refused with DAY_CLOSED. The
 * variance posts to cash over and short in the same transaction (day.closed → ledger).
 */
export async function closeDay(ctx: Ctx, input: CloseDayInput): Promise<DailyClose> {
  return inTransaction(ctx, async (tx) => {
    const { today } = await requireAtLocation(tx, 'day:close', input.locationId);
    if (input.date > today) throw invalid('date', 'a day cannot be closed before it has begun');
    await lockDayForClose(tx, input.locationId, input.date);
    const existing = await selectCloses(tx)
      .where('c.location_id', '=', input.locationId)
      .where('c.close_date', '=', input.date)
      .executeTakeFirst();
    if (existing)
      throw new AppError('ALREADY_EXISTS', `${input.date} is already closed at this location`, { extra: { closeId: existing.id } });
    const s = await daySummary(tx, input.locationId, input.date);
    const varianceCents = input.countedCashCents - s.expectedCashCents;
    const row = await tx.db
      .insertInto('daily_closes')
      .values({
        organization_id: tx.organizationId,
        location_id: input.locationId,
        close_date: input.date,
        expected_cash_cents: s.expectedCashCents,
        counted_cash_cents: input.countedCashCents,
        variance_cents: varianceCents,
        payment_count: s.paymentCount,
        total_cents: s.totalCents,
        by_method: JSON.stringify(s.byMethod),
        by_user: JSON.stringify(s.byUser),
        note: input.note ?? '',
        closed_by: actorUserId(tx),
        closed_at: tx.clock.now(),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await recordAudit(tx, {
      action: 'create',
      resourceType: 'daily_close',
      resourceId: row.id,
      details: { date: input.date, expectedCashCents: s.expectedCashCents, countedCashCents: input.countedCashCents, varianceCents },
    });
    await emit(tx, dayClosed, { closeId: row.id, locationId: input.locationId, date: input.date, varianceCents });
    const saved = await selectCloses(tx).where('c.id', '=', row.id).executeTakeFirstOrThrow();
    return publicClose(saved);
  });
}
