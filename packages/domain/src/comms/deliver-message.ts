/**
 * The last step of every patient message: check consent and address, send through the
 * channel, record the outcome on the message row. Runs in the job's claiming
 * transaction, after the message row was written (its unique key is the "sent once" guard).
 */
import type { JobContext } from '../jobs/index.ts';
import { emailContactOf, smsContactOf } from '../patients/index.ts';
import type { Db } from '../shared/context.ts';
import { channelFor, type ResolvedComms } from './comms-settings.ts';

export type SkipReason = 'no_consent' | 'no_address' | 'appointment_inactive';

/** The patient's email when they agreed to email reminders; else why not (the record's contact: patients' emailContactOf). */
export async function emailRecipient(db: Db, organizationId: string, patientId: string): Promise<{ to: string } | { skip: SkipReason }> {
  const p = await emailContactOf(db, organizationId, patientId);
  if (!p.consentEmailReminders) return { skip: 'no_consent' };
  if (!p.email) return { skip: 'no_address' };
  return { to: p.email };
}

/** The patient's mobile number when they agreed to texts; else why not (patients' smsContactOf). */
export async function smsRecipient(db: Db, organizationId: string, patientId: string): Promise<{ to: string } | { skip: SkipReason }> {
  const p = await smsContactOf(db, organizationId, patientId);
  if (!p.consentSmsReminders) return { skip: 'no_consent' };
  if (!p.mobile) return { skip: 'no_address' };
  return { to: p.mobile };
}

export async function skipMessage(db: Db, messageId: string, reason: SkipReason): Promise<void> {
  await db.updateTable('messages').set({ status: 'skipped', skip_reason: reason }).where('id', '=', messageId).execute();
}

/**
 * Send and record. A failure is retried by the job runner (the message row rolls back
 * with the attempt); on the last attempt the row is kept as `failed` with the error.
 */
export async function deliverMessage(
  job: JobContext,
  comms: ResolvedComms,
  message: { id: string; to: string; subject: string; text: string },
): Promise<void> {
  const { db, clock } = job;
  try {
    const channel = channelFor(comms, 'email');
    if (!channel) throw new Error('no SMTP server is configured (Admin → Reminders, or SMTP_URL)');
    const { providerMessageId } = await channel.send({ to: message.to, subject: message.subject, text: message.text });
    await db
      .updateTable('messages')
      .set({ status: 'sent', provider_message_id: providerMessageId || null, sent_at: clock.now(), error: null })
      .where('id', '=', message.id)
      .execute();
  } catch (err) {
    if (job.job.attempts < job.job.maxAttempts) throw err;
    await db
      .updateTable('messages')
      .set({ status: 'failed', error: String((err as Error)?.message ?? err).slice(0, 1_000) })
      .where('id', '=', message.id)
      .execute();
  }
}
