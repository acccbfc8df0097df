import { requirePermission } from '../access/index.ts';
import { diffFields, recordAudit } from '../audit/index.ts';
import { type Ctx, inTransaction } from '../shared/context.ts';
import { AppError, invalid, isUniqueViolation } from '../shared/errors.ts';
import { emit } from '../shared/events.ts';
import { billRevised } from './payables-events.ts';
import type { BillDetail, BillPatch } from './payables.schemas.ts';
import { lockBillAt } from './lock-bill.ts';
import { loadBillDetail } from './rows.ts';

/**
 * Edit a bill nothing was paid on (409 once it has a payment or is void): its amount, due date,
 * expense account, invoice number or memo. `expectedVersion` comes from If-Match. Posted entries
 * never change: when the amount or the account changes, the bill's current entry is reversed and
 * the bill posted again as it now is, both today (bill.revised → ledger). A patch that changes
 * nothing writes nothing.
 */
export async function updateBill(ctx: Ctx, id: string, patch: BillPatch, expectedVersion: number): Promise<BillDetail> {
  requirePermission(ctx, 'payables:manage');
  return inTransaction(ctx, async (tx) => {
    const { bill, today } = await lockBillAt(tx, id, expectedVersion);
    if (bill.status === 'void') throw new AppError('CONFLICT', 'a void bill cannot be edited');
    if (Number(bill.paid_cents) > 0 || bill.status !== 'open') throw new AppError('CONFLICT', 'a bill with payments cannot be edited');
    const before = {
      invoiceNumber: bill.invoice_number,
      dueDate: bill.due_date,
      amountCents: Number(bill.amount_cents),
      category: bill.category,
      memo: bill.memo,
    };
    const after = {
      invoiceNumber: patch.invoiceNumber ?? before.invoiceNumber,
      dueDate: patch.dueDate ?? before.dueDate,
      amountCents: patch.amountCents ?? before.amountCents,
      category: patch.category ?? before.category,
      memo: patch.memo ?? before.memo,
    };
    if (after.dueDate < bill.invoice_date) throw invalid('dueDate', 'is before the invoice date');
    const changes = diffFields(before, after);
    if (!changes) return loadBillDetail(tx, id, today);
    const version = bill.version + 1;
    await tx.db
      .updateTable('bills')
      .set({
        invoice_number: after.invoiceNumber,
        due_date: after.dueDate,
        amount_cents: after.amountCents,
        category: after.category,
        memo: after.memo,
        version,
        updated_at: tx.clock.now(),
      })
      .where('organization_id', '=', tx.organizationId)
      .where('id', '=', id)
      .execute()
      .catch((e) => {
        if (!isUniqueViolation(e)) throw e;
        throw new AppError('ALREADY_EXISTS', 'this vendor already has a bill with this invoice number', {
          errors: [{ path: 'invoiceNumber', message: 'this vendor already has a bill with this invoice number' }],
        });
      });
    const reposted = after.amountCents !== before.amountCents || after.category !== before.category;
    await recordAudit(tx, { action: 'update', resourceType: 'bill', resourceId: id, changes, details: { change: 'edit', reposted } });
    if (reposted)
      await emit(tx, billRevised, {
        billId: id,
        version,
        category: after.category,
        amountCents: after.amountCents,
        postingDate: today,
        memo: after.memo,
      });
    return loadBillDetail(tx, id, today);
  });
}
