import { requirePatientAccess, requirePermission } from '../access/index.ts';
import { recordAudit } from '../audit/index.ts';
import { type Ctx, inTransaction } from '../shared/context.ts';
import type { Payment } from './accounts.schemas.ts';
import { loadPayment, publicPayment } from './payment-row.ts';

/** One payment with its allocations and what was refunded (404 for another practice's). */
export async function getPayment(ctx: Ctx, id: string): Promise<Payment> {
  requirePermission(ctx, 'account:read');
  return inTransaction(ctx, async (tx) => {
    const payment = await loadPayment(tx, id);
    const access = await requirePatientAccess(tx, payment.patientId, 'account:read');
    await recordAudit(tx, { action: 'read', resourceType: 'payment', resourceId: id, access, details: {} });
    return publicPayment(payment);
  });
}
