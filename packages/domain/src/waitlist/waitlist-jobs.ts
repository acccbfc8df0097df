/**
 * The waitlist's background work: offer a freed slot, send an offer, expire an offer
 * (and pass the slot to the next entry). Each runs in the job's claiming transaction.
 */
import { recordAudit } from '../audit/index.ts';
import {
  addressMessage,
  deliverMessage,
  emailRecipient,
  issueLink,
  localWhen,
  lockOfferMessage,
  resolveComms,
  skipMessage,
  textInstead,
} from '../comms/index.ts';
import { enqueueJob } from '../jobs/index.ts';
import type { JobHandler } from '../jobs/index.ts';
import { systemCtx } from '../shared/context.ts';
import { offerFreedSlot } from './offer-freed-slot.ts';
import { EXPIRE_OFFER_QUEUE, SEND_OFFER_QUEUE, SLOT_FREED_QUEUE } from './waitlist-queues.ts';

type OfferPayload = { organizationId: string; offerId: string };

export const handleSlotFreedJob: JobHandler = async ({ db, clock, job }) => {
  const { organizationId, appointmentId } = job.payload as { organizationId: string; appointmentId: string };
  await offerFreedSlot(db, clock, organizationId, appointmentId);
};

export const handleSendOfferJob: JobHandler = async (job) => {
  const { db } = job;
  const { organizationId, offerId } = job.job.payload as OfferPayload;
  // The offer's message (comms owns the log), locked: one send however often the job runs.
  const message = await lockOfferMessage(db, organizationId, offerId);
  if (message?.status !== 'queued') return; // sent, skipped or failed already
  const offer = await db
    .selectFrom('waitlist_offers as o')
    .innerJoin('location_directory as l', 'l.id', 'o.location_id')
    .innerJoin('organization_directory as g', 'g.id', 'o.organization_id')
    .select(['o.id', 'o.patient_id', 'o.status', 'o.starts_at', 'o.expires_at', 'l.name as location', 'l.time_zone', 'g.name as practice'])
    .where('o.id', '=', offerId)
    .where('o.organization_id', '=', organizationId)
    .executeTakeFirst();
  if (!offer) return;
  if (offer.status !== 'open') {
    await skipMessage(db, message.id, 'appointment_inactive');
    return;
  }
  const comms = await resolveComms(db, organizationId, job.installation);
  const recipient = await emailRecipient(db, organizationId, offer.patient_id);
  const token = await issueLink(db, {
    organizationId,
    purpose: 'waitlist_accept',
    subjectId: offerId,
    patientId: offer.patient_id,
    expiresAt: offer.expires_at,
  });
  const when = localWhen(offer.starts_at, offer.time_zone);
  const subject = `An earlier appointment is available: ${when}`;
  const text = [
    `${offer.practice} has an earlier appointment for you, from the waiting list.`,
    '',
    `When: ${when}`,
    `Where: ${offer.location}`,
    '',
    `It is held for you until ${localWhen(offer.expires_at, offer.time_zone)}. To take it, open:`,
    `${comms.publicUrl}/r/${token}`,
    '',
    'If you do not take it, it goes to the next patient on the list and you stay on the list.',
  ].join('\n');
  // A patient who prefers texts, or has no email we may use, gets the offer by text, unless it would wait past its expiry.
  const sms = `${offer.practice}: an earlier visit is free for you, ${when} at ${offer.location}. Held until ${localWhen(offer.expires_at, offer.time_zone)}. To take it: ${comms.publicUrl}/r/${token}`;
  if (
    await textInstead(job, comms, {
      organizationId,
      messageId: message.id,
      patientId: offer.patient_id,
      zone: offer.time_zone,
      body: sms,
      notAfter: offer.expires_at,
    })
  )
    return;
  if ('skip' in recipient) {
    await skipMessage(db, message.id, recipient.skip);
    return;
  }
  await addressMessage(db, message.id, { address: recipient.to, subject });
  await deliverMessage(job, comms, { id: message.id, to: recipient.to, subject, text });
};

export const handleExpireOfferJob: JobHandler = async ({ db, clock, job }) => {
  const { organizationId, offerId } = job.payload as OfferPayload;
  const offer = await db
    .selectFrom('waitlist_offers')
    .select(['id', 'status', 'expires_at', 'patient_id', 'source_appointment_id'])
    .where('id', '=', offerId)
    .where('organization_id', '=', organizationId)
    .forUpdate()
    .executeTakeFirst();
  if (offer?.status !== 'open') return;
  if (clock.now() < offer.expires_at) {
    // Claimed early (clock skew between processes): look again when it is due.
    await enqueueJob(db, EXPIRE_OFFER_QUEUE, job.payload, {
      dedupeKey: `waitlist-expire:${offerId}:${offer.expires_at.getTime()}`,
      runAt: offer.expires_at,
    });
    return;
  }
  await db.updateTable('waitlist_offers').set({ status: 'expired', closed_at: clock.now() }).where('id', '=', offerId).execute();
  await recordAudit(systemCtx(db, clock, organizationId, 'job:waitlist', `job-${job.id}`), {
    action: 'update',
    resourceType: 'waitlist_offer',
    resourceId: offerId,
    patientId: offer.patient_id,
    changes: { status: { before: 'open', after: 'expired' } },
  });
  await offerFreedSlot(db, clock, organizationId, offer.source_appointment_id);
};

export const WAITLIST_JOB_HANDLERS: Record<string, JobHandler> = {
  [SLOT_FREED_QUEUE]: handleSlotFreedJob,
  [SEND_OFFER_QUEUE]: handleSendOfferJob,
  [EXPIRE_OFFER_QUEUE]: handleExpireOfferJob,
};
