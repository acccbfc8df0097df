import { requirePatientAccess, requirePermission, todayAt } from '../access/index.ts';
import { recordAudit } from '../audit/index.ts';
import { nextOpenDay, paymentDeposited } from '../deposits/index.ts';
import { actorUserId, type Ctx, inTransaction } from '../shared/context.ts';
import { AppError, notFound } from '../shared/errors.ts';
import { emit } from '../shared/events.ts';
import type { Payment, VoidInput } from './accounts.schemas.ts';
import { paymentVoided } from './payment-events.ts';
import { loadPayment, publicPayment } from './payment-row.ts';

/**
 * Void a payment posted in error (refund:issue, with the reason): its journal entry is reversed
 * (payment.voided → ledger), dated today at its location or, when today is closed, the next
 * open day, so a closed day never changes. Under the payment's row lock: a void or refund
 * racing it sees it void. A payment already refunded, voided or taken to the bank answers 409
 * (money that left the practice is returned by a refund).
 */
export async function voidPayment(ctx: Ctx, paymentId: string, input: VoidInput): Promise<Payment> {
  requirePermission(ctx, 'refund:issue');
  return inTransaction(ctx, async (tx) => {
    const payment = /^[0-9a-f-]{36}$/i.test(paymentId)
      ? await tx.db
          .selectFrom('payments')
          .selectAll()
          .where('organization_id', '=', tx.organizationId)
          .where('id', '=', paymentId)
          .forUpdate()
          .executeTakeFirst()
      : undefined;
    if (!payment) throw notFound('payment');
    const access = await requirePatientAccess(tx, payment.patient_id, 'refund:issue');
    if (payment.voided_at) throw new AppError('CONFLICT', 'this payment is already void');
    if (Number(payment.refunded_cents) > 0) throw new AppError('CONFLICT', 'part of this payment was refunded: refund the rest instead');
    if (await paymentDeposited(tx, { paymentId: payment.id, locationId: payment.location_id }))
      throw new AppError('CONFLICT', 'this payment is in a deposit: refund it instead');
    const reversalDate = await nextOpenDay(tx, { locationId: payment.location_id, from: await todayAt(tx, payment.location_id) });
    const now = tx.clock.now();
    await tx.db
      .updateTable('payments')
      .set({ voided_at: now, void_reason: input.reason, void_date: reversalDate, voided_by: actorUserId(tx), version: payment.version + 1 })
      .where('organization_id', '=', tx.organizationId)
      .where('id', '=', payment.id)
      .execute();
    await recordAudit(tx, {
      action: 'create',
      resourceType: 'payment_void',
      resourceId: payment.id,
      access,
      details: { paymentId: payment.id, amountCents: Number(payment.amount_cents), reason: input.reason, reversalDate },
    });
    await emit(tx, paymentVoided, {
      paymentId: payment.id,
      patientId: payment.patient_id,
      locationId: payment.location_id,
      reversalDate,
      reason: input.reason,
    });
    return publicPayment(await loadPayment(tx, payment.id));
  });
}
