import { requirePermission, todayAt } from '../access/index.ts';
import { recordAudit } from '../audit/index.ts';
import { actorUserId, type Ctx, inTransaction } from '../shared/context.ts';
import { AppError, invalid } from '../shared/errors.ts';
import { emit } from '../shared/events.ts';
import { billPaid } from './payables-events.ts';
import type { BillPayment, BillPaymentInput } from './payables.schemas.ts';
import { lockBill } from './lock-bill.ts';
import { toBillPayment } from './rows.ts';

/**
 * Pay (part of) a bill: never more than is left of it, checked under the bill's row lock, so two
 * payments racing for the last dollars cannot both pass (and the database refuses paid above the
 * amount in any case). The bill becomes partially paid or paid. Posts Dr accounts payable, Cr
 * bank in the same transaction (bill.paid → ledger), dated the day it was paid.
 */
export async function payBill(ctx: Ctx, billId: string, input: BillPaymentInput): Promise<BillPayment> {
  requirePermission(ctx, 'payables:manage');
  return inTransaction(ctx, async (tx) => {
    const bill = await lockBill(tx, billId);
    if (bill.status === 'void') throw new AppError('CONFLICT', 'this bill is void');
    const open = Number(bill.amount_cents) - Number(bill.paid_cents);
    if (input.amountCents > open)
      throw invalid('amountCents', open === 0 ? 'this bill is paid in full' : `only ${open} cents are left to pay on this bill`);
    const today = await todayAt(tx);
    const paidOn = input.paidOn ?? today;
    if (paidOn > today) throw invalid('paidOn', 'is in the future');
    if (paidOn < bill.invoice_date) throw invalid('paidOn', 'is before the invoice date');
    const payment = await tx.db
      .insertInto('bill_payments')
      .values({
        organization_id: tx.organizationId,
        bill_id: bill.id,
        amount_cents: input.amountCents,
        paid_on: paidOn,
        method: input.method,
        reference: input.reference ?? null,
        paid_by: actorUserId(tx),
        created_at: tx.clock.now(),
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    const paid = Number(bill.paid_cents) + input.amountCents;
    await tx.db
      .updateTable('bills')
      .set({
        paid_cents: paid,
        status: paid === Number(bill.amount_cents) ? 'paid' : 'partially_paid',
        version: bill.version + 1,
        updated_at: tx.clock.now(),
      })
      .where('organization_id', '=', tx.organizationId)
      .where('id', '=', bill.id)
      .execute();
    await recordAudit(tx, {
      action: 'create',
      resourceType: 'bill_payment',
      resourceId: payment.id,
      details: { billId: bill.id, amountCents: input.amountCents, method: input.method, paidOn },
    });
    await emit(tx, billPaid, {
      billPaymentId: payment.id,
      billId: bill.id,
      vendorId: bill.vendor_id,
      method: input.method,
      amountCents: input.amountCents,
      postingDate: paidOn,
    });
    return toBillPayment(payment);
  });
}
