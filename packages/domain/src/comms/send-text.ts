/**
 * The outbox of texts. A text is queued as a `messages` row (channel 'sms', its words in `body`)
 * in the transaction that decides it, and a `comms.send-text` job runs at the next time the
 * location's quiet hours allow (nextSendTime). The job sends through the practice's SMS account:
 * a text due at night (a retry that slid past the evening) is put back to the morning; a
 * provider's refusal (4xx: invalid number, the patient texted STOP) fails it at once; anything
 * else is retried by the job runner and fails on the last attempt.
 */
import { enqueueJob, type JobHandler } from '../jobs/index.ts';
import type { Db } from '../shared/context.ts';
import { channelFor, type ResolvedComms, resolveComms } from './comms-settings.ts';
import { nextSendTime } from './quiet-hours.ts';
import { SmsRejected } from './sms-channel.ts';

export const SEND_TEXT_QUEUE = 'comms.send-text';

/** Address a queued message as a text and schedule its job for the next allowed local time; answers that time. */
export async function scheduleText(
  db: Db,
  comms: Pick<ResolvedComms, 'smsWindow'>,
  text: { organizationId: string; messageId: string; to: string; body: string; zone: string; now: Date },
): Promise<Date> {
  await db
    .updateTable('messages')
    .set({ to_address: text.to, body: text.body, zone: text.zone, subject: text.body.slice(0, 120) })
    .where('id', '=', text.messageId)
    .execute();
  const runAt = nextSendTime(text.now, text.zone, comms.smsWindow);
  await enqueueJob(
    db,
    SEND_TEXT_QUEUE,
    { organizationId: text.organizationId, messageId: text.messageId },
    { dedupeKey: `text:${text.messageId}`, runAt },
  );
  return runAt;
}

async function fail(db: Db, messageId: string, error: string): Promise<void> {
  await db
    .updateTable('messages')
    .set({ status: 'failed', error: error.slice(0, 1_000) })
    .where('id', '=', messageId)
    .execute();
}

export const handleSendTextJob: JobHandler = async (job) => {
  const { db, clock } = job;
  const { organizationId, messageId } = job.job.payload as { organizationId: string; messageId: string };
  const m = await db
    .selectFrom('messages')
    .select(['id', 'status', 'to_address', 'body', 'zone'])
    .where('id', '=', messageId)
    .where('organization_id', '=', organizationId)
    .forUpdate()
    .executeTakeFirst();
  if (m?.status !== 'queued' || !m.to_address || !m.body) return;
  const comms = await resolveComms(db, organizationId, job.installation);
  const channel = channelFor(comms, 'sms');
  if (!channel) return fail(db, m.id, 'SMS is not set up (Admin → Reminders → Text messages)');
  const now = clock.now();
  const next = nextSendTime(now, m.zone ?? 'UTC', comms.smsWindow);
  if (next > now) {
    // Quiet hours: a fresh job for the morning (this one ends done).
    await enqueueJob(db, SEND_TEXT_QUEUE, { organizationId, messageId }, { dedupeKey: `text:${messageId}:${next.getTime()}`, runAt: next });
    return;
  }
  try {
    const { providerMessageId } = await channel.send({ to: m.to_address, subject: '', text: m.body });
    await db
      .updateTable('messages')
      .set({ status: 'sent', provider_message_id: providerMessageId, sent_at: now, error: null })
      .where('id', '=', m.id)
      .execute();
  } catch (err) {
    if (err instanceof SmsRejected) return fail(db, m.id, err.message);
    if (job.job.attempts < job.job.maxAttempts) throw err;
    await fail(db, m.id, String((err as Error)?.message ?? err));
  }
};
