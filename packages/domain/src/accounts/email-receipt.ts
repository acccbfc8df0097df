import { requirePatientAccess, requirePermission } from '../access/index.ts';
import { recordAudit } from '../audit/index.ts';
import { emailRecipient, queueMessage } from '../comms/index.ts';
import { enqueueJob } from '../jobs/index.ts';
import { type Ctx, inTransaction } from '../shared/context.ts';
import { AppError } from '../shared/errors.ts';
import { loadPayment } from './payment-row.ts';
import { SEND_RECEIPT_QUEUE } from './receipt-queue.ts';

/**
 * Email a payment's receipt to the patient, through the patient message log (comms) and its
 * sending job: only where the record has an address and the patient agreed to email (409
 * NO_EMAIL_CONSENT otherwise, nothing queued). Each request queues one message; the job sends it
 * once however often it runs. Audited with the message it queued.
 */
export async function emailReceipt(ctx: Ctx, paymentId: string): Promise<{ messageId: string; to: string; status: 'queued' }> {
  requirePermission(ctx, 'payment:post');
  return inTransaction(ctx, async (tx) => {
    const payment = await loadPayment(tx, paymentId);
    const access = await requirePatientAccess(tx, payment.patientId, 'payment:post');
    const recipient = await emailRecipient(tx.db, tx.organizationId, payment.patientId);
    if ('skip' in recipient)
      throw new AppError(
        'CONFLICT',
        recipient.skip === 'no_consent'
          ? 'the patient has not agreed to email: print the receipt instead'
          : "the patient's record has no email address: print the receipt instead",
        { extra: { reason: recipient.skip } },
      );
    const messageId = await queueMessage(tx.db, {
      organizationId: tx.organizationId,
      patientId: payment.patientId,
      kind: 'payment_receipt',
      channel: 'email',
      paymentId: payment.id,
      createdAt: tx.clock.now(),
    });
    await enqueueJob(tx.db, SEND_RECEIPT_QUEUE, { organizationId: tx.organizationId, messageId }, { dedupeKey: `receipt:${messageId}` });
    await recordAudit(tx, { action: 'create', resourceType: 'receipt_email', resourceId: payment.id, access, details: { messageId } });
    return { messageId, to: recipient.to, status: 'queued' as const };
  });
}
