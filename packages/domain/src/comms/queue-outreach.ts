/**
 * Outreach other modules send through the message log (a recall campaign's email and text
 * stages): queued in the caller's transaction as kind 'recall' with its words, then sent by a job:
 * an email by `comms.send-email` at once, a text through the text outbox at the next time the
 * location's quiet hours allow. The caller checks consent and contact first (patients'
 * outreachContactOf); the job sends to the address written here.
 */
import { enqueueJob, type JobHandler } from '../jobs/index.ts';
import type { Db } from '../shared/context.ts';
import type { ResolvedComms } from './comms-settings.ts';
import { deliverMessage } from './deliver-message.ts';
import { resolveComms } from './comms-settings.ts';
import { scheduleText } from './send-text.ts';
import { deskZone } from './text-zone.ts';

export const SEND_EMAIL_QUEUE = 'comms.send-email';

export interface Outreach {
  organizationId: string;
  patientId: string;
  channel: 'email' | 'sms';
  to: string;
  /** Email subject (a text has none). */
  subject: string;
  body: string;
  /** The location whose quiet hours hold a text (else the practice's first location). */
  locationId: string | null;
  now: Date;
}

/** Queue one outreach message and its sending job; answers the message id. */
export async function queueOutreach(db: Db, comms: Pick<ResolvedComms, 'smsWindow'>, m: Outreach): Promise<string> {
  const row = await db
    .insertInto('messages')
    .values({
      organization_id: m.organizationId,
      patient_id: m.patientId,
      kind: 'recall',
      channel: m.channel,
      to_address: m.to,
      subject: m.channel === 'email' ? m.subject : m.body.slice(0, 120),
      body: m.body,
      created_at: m.now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  if (m.channel === 'sms') {
    const zone = await deskZone(db, m.organizationId, m.locationId);
    await scheduleText(db, comms, { organizationId: m.organizationId, messageId: row.id, to: m.to, body: m.body, zone, now: m.now });
  } else {
    await enqueueJob(
      db,
      SEND_EMAIL_QUEUE,
      { organizationId: m.organizationId, messageId: row.id },
      { dedupeKey: `email:${row.id}`, runAt: m.now },
    );
  }
  return row.id;
}

/** Send a queued outreach email (once: a message no longer queued is left alone). */
export const handleSendEmailJob: JobHandler = async (job) => {
  const { db } = job;
  const { organizationId, messageId } = job.job.payload as { organizationId: string; messageId: string };
  const m = await db
    .selectFrom('messages')
    .select(['id', 'status', 'to_address', 'subject', 'body'])
    .where('id', '=', messageId)
    .where('organization_id', '=', organizationId)
    .forUpdate()
    .executeTakeFirst();
  if (m?.status !== 'queued' || !m.to_address || !m.body) return;
  const comms = await resolveComms(db, organizationId, job.installation);
  await deliverMessage(job, comms, { id: m.id, to: m.to_address, subject: m.subject, text: m.body });
};
