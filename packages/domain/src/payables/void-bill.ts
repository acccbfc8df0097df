import { requirePermission } from '../access/index.ts';
import { recordAudit } from '../audit/index.ts';
import { type Ctx, inTransaction } from '../shared/context.ts';
import { AppError } from '../shared/errors.ts';
import { emit } from '../shared/events.ts';
import { billVoided } from './payables-events.ts';
import type { BillDetail } from './payables.schemas.ts';
import { lockBillAt } from './lock-bill.ts';
import { loadBillDetail } from './rows.ts';

/**
 * Void a bill entered by mistake, with the reason: only while nothing was paid on it (409
 * otherwise). Its journal entry is reversed today (bill.voided → ledger). `expectedVersion`
 * comes from If-Match.
 */
export async function voidBill(ctx: Ctx, id: string, reason: string, expectedVersion: number): Promise<BillDetail> {
  requirePermission(ctx, 'payables:manage');
  return inTransaction(ctx, async (tx) => {
    const { bill, today } = await lockBillAt(tx, id, expectedVersion);
    if (bill.status === 'void') throw new AppError('CONFLICT', 'this bill is already void');
    if (Number(bill.paid_cents) > 0) throw new AppError('CONFLICT', 'a bill with payments cannot be voided');
    await tx.db
      .updateTable('bills')
      .set({ status: 'void', void_reason: reason, voided_at: tx.clock.now(), version: bill.version + 1, updated_at: tx.clock.now() })
      .where('organization_id', '=', tx.organizationId)
      .where('id', '=', id)
      .execute();
    await recordAudit(tx, { action: 'update', resourceType: 'bill', resourceId: id, details: { change: 'void', reason } });
    await emit(tx, billVoided, { billId: id, postingDate: today, reason });
    return loadBillDetail(tx, id, today);
  });
}
