import { requirePermission, todayAt } from '../access/index.ts';
import { recordAudit } from '../audit/index.ts';
import { actorUserId, type Ctx, inTransaction } from '../shared/context.ts';
import { AppError, invalid, isUniqueViolation } from '../shared/errors.ts';
import { emit } from '../shared/events.ts';
import { billEntered } from './payables-events.ts';
import type { BillDetail, BillInput } from './payables.schemas.ts';
import { loadBillDetail } from './rows.ts';

/**
 * Enter a vendor's bill: the expense account is the one named, else the vendor's default. The
 * invoice date is the day the expense is booked (never in the future); the invoice number is
 * unique per vendor. Posts Dr the expense, Cr accounts payable in the same transaction
 * (bill.entered → ledger).
 */
export async function enterBill(ctx: Ctx, input: BillInput): Promise<BillDetail> {
  requirePermission(ctx, 'payables:manage');
  return inTransaction(ctx, async (tx) => {
    const vendor = await tx.db
      .selectFrom('vendors')
      .select(['id', 'active', 'default_category'])
      .where('organization_id', '=', tx.organizationId)
      .where('id', '=', input.vendorId)
      .executeTakeFirst();
    if (!vendor) throw invalid('vendorId', 'not a vendor of this practice');
    if (!vendor.active) throw invalid('vendorId', 'this vendor is inactive');
    const today = await todayAt(tx);
    if (input.invoiceDate > today) throw invalid('invoiceDate', 'is in the future');
    const category = input.category ?? vendor.default_category;
    const row = await tx.db
      .insertInto('bills')
      .values({
        organization_id: tx.organizationId,
        vendor_id: vendor.id,
        invoice_number: input.invoiceNumber,
        invoice_date: input.invoiceDate,
        due_date: input.dueDate,
        amount_cents: input.amountCents,
        category,
        memo: input.memo ?? '',
        entered_by: actorUserId(tx),
        created_at: tx.clock.now(),
        updated_at: tx.clock.now(),
      })
      .returning('id')
      .executeTakeFirstOrThrow()
      .catch((e) => {
        if (!isUniqueViolation(e)) throw e;
        throw new AppError('ALREADY_EXISTS', 'this vendor already has a bill with this invoice number', {
          errors: [{ path: 'invoiceNumber', message: 'this vendor already has a bill with this invoice number' }],
        });
      });
    await recordAudit(tx, {
      action: 'create',
      resourceType: 'bill',
      resourceId: row.id,
      details: { vendorId: vendor.id, amountCents: input.amountCents, category, dueDate: input.dueDate },
    });
    await emit(tx, billEntered, {
      billId: row.id,
      vendorId: vendor.id,
      category,
      amountCents: input.amountCents,
      postingDate: input.invoiceDate,
      memo: input.memo ?? '',
    });
    return loadBillDetail(tx, row.id, today);
  });
}
