/**
 * Offer a freed slot to the next matching waitlist entry: same appointment type, the
 * provider and location among the entry's wishes (or none given), the slot's local date
 * in its window, email consent and an address (or, when the practice sends texts, text consent
 * and a mobile number: the offer goes by text); lowest priority number first, then who
 * waited longest; never twice to one entry for one slot. The offer row HOLDS the slot
 * (the database refuses bookings over it) until accepted, expired or withdrawn. A slot
 * booking would refuse (scheduling's `slotBlocked`) is offered to nobody.
 */
import { sql } from 'kysely';
import { recordAudit } from '../audit/index.ts';
import { practiceSendsTexts, queueMessage } from '../comms/index.ts';
import { enqueueJob } from '../jobs/index.ts';
import { loadAppointmentFacts, slotBlocked } from '../scheduling/index.ts';
import type { Clock } from '../shared/clock.ts';
import { type Db, systemCtx } from '../shared/context.ts';
import { Temporal } from 'temporal-polyfill';
import { EXPIRE_OFFER_QUEUE, SEND_OFFER_QUEUE } from './waitlist-queues.ts';
import { offerMinutes } from './waitlist-settings.ts';

const isSlotConflict = (e: unknown) => ['23P01', '40P01'].includes((e as { code?: string })?.code ?? '');

/** Returns the new offer's id, or null when nobody matches or the slot is gone. */
export async function offerFreedSlot(db: Db, clock: Clock, organizationId: string, sourceAppointmentId: string): Promise<string | null> {
  const now = clock.now();
  const slot = await loadAppointmentFacts(db, organizationId, sourceAppointmentId);
  if (!slot || slot.startsAt <= now) return null;
  // Someone holds this slot already (an open offer from an earlier round): nothing to do.
  const open = await db
    .selectFrom('waitlist_offers')
    .select('id')
    .where('source_appointment_id', '=', slot.id)
    .where('status', '=', 'open')
    .executeTakeFirst();
  if (open) return null;
  // Never hold a time booking would refuse (a lapsed licence, every room of the kind out of service).
  const asJob = systemCtx(db, clock, organizationId, 'job:waitlist', `slot-${slot.id}`);
  if (await slotBlocked(asJob, { ...slot, start: slot.startsAt })) return null;
  const day = Temporal.Instant.fromEpochMilliseconds(slot.startsAt.getTime()).toZonedDateTimeISO(slot.zone).toPlainDate().toString();
  const texts = await practiceSendsTexts(db, organizationId);
  const entry = await db
    .selectFrom('waitlist_entries as w')
    .select(['w.id', 'w.patient_id'])
    // Only patients who can be offered the slot: by email, or by text when the practice sends texts.
    .where((eb) =>
      eb.or([
        eb('w.patient_id', 'in', eb.selectFrom('patients_reachable_by_email').select('id').where('organization_id', '=', organizationId)),
        ...(texts
          ? [
              eb(
                'w.patient_id',
                'in',
                eb.selectFrom('patients_reachable_by_text').select('id').where('organization_id', '=', organizationId),
              ),
            ]
          : []),
      ]),
    )
    .where('w.organization_id', '=', organizationId)
    .where('w.status', '=', 'waiting')
    .where('w.appointment_type_id', '=', slot.appointmentTypeId)
    .where('w.patient_id', '<>', slot.patientId)
    .where('w.earliest_date', '<=', day)
    .where('w.latest_date', '>=', day)
    .where(sql<boolean>`(cardinality(w.provider_ids) = 0 or ${slot.providerId}::uuid = any(w.provider_ids))`)
    .where(sql<boolean>`(cardinality(w.location_ids) = 0 or ${slot.locationId}::uuid = any(w.location_ids))`)
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('waitlist_offers as o')
            .select('o.id')
            .whereRef('o.entry_id', '=', 'w.id')
            .where((eb) => eb.or([eb('o.source_appointment_id', '=', slot.id), eb('o.status', '=', 'open')])),
        ),
      ),
    )
    .orderBy('w.priority')
    .orderBy('w.created_at')
    .orderBy('w.id')
    .limit(1)
    .forUpdate('w')
    .skipLocked()
    .executeTakeFirst();
  if (!entry) return null;
  const minutes = await offerMinutes(db, organizationId);
  const expiresAt = new Date(Math.min(now.getTime() + minutes * 60_000, slot.startsAt.getTime()));
  await sql`savepoint waitlist_offer`.execute(db);
  let offerId: string;
  try {
    const row = await db
      .insertInto('waitlist_offers')
      .values({
        organization_id: organizationId,
        entry_id: entry.id,
        patient_id: entry.patient_id,
        provider_id: slot.providerId,
        location_id: slot.locationId,
        appointment_type_id: slot.appointmentTypeId,
        starts_at: slot.startsAt,
        blocked_until: slot.blockedUntil,
        source_appointment_id: slot.id,
        expires_at: expiresAt,
        created_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    offerId = row.id;
    await sql`release savepoint waitlist_offer`.execute(db);
  } catch (e) {
    await sql`rollback to savepoint waitlist_offer`.execute(db);
    if (isSlotConflict(e)) return null; // booked (or held) by someone else meanwhile
    throw e;
  }
  await queueMessage(db, {
    organizationId,
    patientId: entry.patient_id,
    kind: 'waitlist_offer',
    channel: 'email',
    offerId,
    createdAt: now,
  });
  await enqueueJob(db, SEND_OFFER_QUEUE, { organizationId, offerId }, { dedupeKey: `waitlist-offer:${offerId}`, runAt: now });
  await enqueueJob(db, EXPIRE_OFFER_QUEUE, { organizationId, offerId }, { dedupeKey: `waitlist-expire:${offerId}`, runAt: expiresAt });
  await recordAudit(systemCtx(db, clock, organizationId, 'job:waitlist', `offer-${offerId}`), {
    action: 'create',
    resourceType: 'waitlist_offer',
    resourceId: offerId,
    patientId: entry.patient_id,
    details: { entryId: entry.id, sourceAppointmentId: slot.id, start: slot.startsAt.toISOString(), expiresAt: expiresAt.toISOString() },
  });
  return offerId;
}
