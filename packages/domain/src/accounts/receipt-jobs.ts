/** The accounts module's background work: email a payment's receipt, once, in the job's claiming transaction. */
import { addressMessage, deliverMessage, emailRecipient, lockMessage, resolveComms, skipMessage } from '../comms/index.ts';
import type { JobHandler } from '../jobs/index.ts';
import { systemCtx } from '../shared/context.ts';
import { loadPayment, publicPayment } from './payment-row.ts';
import { receiptLines } from './receipt-pdf.ts';
import { SEND_RECEIPT_QUEUE } from './receipt-queue.ts';
import { receiptSheet } from './receipt-sheet.ts';

export const handleSendReceiptJob: JobHandler = async (job) => {
  const { db, clock } = job;
  const { organizationId, messageId } = job.job.payload as { organizationId: string; messageId: string };
  const message = await lockMessage(db, organizationId, messageId);
  if (message?.status !== 'queued' || !message.paymentId) return; // sent, skipped or failed already
  // Consent may have been withdrawn since the desk asked: checked again when sending.
  const recipient = await emailRecipient(db, organizationId, message.patientId);
  if ('skip' in recipient) {
    await skipMessage(db, message.id, recipient.skip);
    return;
  }
  const ctx = systemCtx(db, clock, organizationId, 'job:payment-receipt', `job-${job.job.id}`);
  const sheet = await receiptSheet(ctx, publicPayment(await loadPayment(ctx, message.paymentId)));
  const comms = await resolveComms(db, organizationId, job.installation);
  const subject = `Your payment receipt from ${sheet.letterhead.practiceName}`;
  const text = [`Thank you for your payment to ${sheet.letterhead.practiceName}.`, '', ...receiptLines(sheet)].join('\n');
  await addressMessage(db, message.id, { address: recipient.to, subject });
  await deliverMessage(job, comms, { id: message.id, to: recipient.to, subject, text });
};

export const RECEIPT_JOB_HANDLERS: Record<string, JobHandler> = { [SEND_RECEIPT_QUEUE]: handleSendReceiptJob };
