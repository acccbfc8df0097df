import { requirePatientAccess, requirePermission } from '../access/index.ts';
import { recordAudit } from '../audit/index.ts';
import { type Ctx, inTransaction } from '../shared/context.ts';
import { loadPayment, publicPayment } from './payment-row.ts';
import { renderReceiptPdf } from './receipt-pdf.ts';
import { receiptSheet } from './receipt-sheet.ts';

/** A payment's receipt as a PDF (receipt-sheet.ts says what it shows); printing is audited. 404 for another practice's payment. */
export async function printReceipt(ctx: Ctx, paymentId: string): Promise<Buffer> {
  requirePermission(ctx, 'account:read');
  return inTransaction(ctx, async (tx) => {
    const payment = publicPayment(await loadPayment(tx, paymentId));
    const access = await requirePatientAccess(tx, payment.patientId, 'account:read');
    const sheet = await receiptSheet(tx, payment);
    await recordAudit(tx, {
      action: 'print',
      resourceType: 'payment',
      resourceId: payment.id,
      access,
      details: { amountCents: payment.amountCents, balanceCents: sheet.balanceCents },
    });
    return renderReceiptPdf(sheet);
  });
}
