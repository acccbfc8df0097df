/**
 * The patient takes a waitlist offer (their emailed link). The offer closes first, which
 * releases its hold, and the booking goes through scheduling's bookAppointment in the
 * same transaction: the hold passes to the booking with no gap another writer could use.
 */
import { recordAudit } from '../audit/index.ts';
import { type LinkAction, localWhen } from '../comms/index.ts';
import { bookAppointment } from '../scheduling/index.ts';
import type { Ctx } from '../shared/context.ts';
import { AppError } from '../shared/errors.ts';

export async function acceptOffer(tx: Ctx, offerId: string): Promise<{ appointmentId: string; when: string }> {
  const offer = await tx.db
    .selectFrom('waitlist_offers as o')
    .innerJoin('location_directory as l', 'l.id', 'o.location_id')
    .selectAll('o')
    .select('l.time_zone')
    .where('o.id', '=', offerId)
    .where('o.organization_id', '=', tx.organizationId)
    .forUpdate('o')
    .executeTakeFirst();
  if (offer?.status !== 'open' || offer.expires_at <= tx.clock.now()) throw new AppError('CONFLICT', 'the offer is no longer open');
  await tx.db.updateTable('waitlist_offers').set({ status: 'accepted', closed_at: tx.clock.now() }).where('id', '=', offerId).execute();
  const appointment = await bookAppointment(tx, {
    patientId: offer.patient_id,
    providerId: offer.provider_id,
    locationId: offer.location_id,
    appointmentTypeId: offer.appointment_type_id,
    start: offer.starts_at.toISOString(),
    notes: 'Booked from the waiting list',
    overbook: false,
  });
  await tx.db.updateTable('waitlist_offers').set({ appointment_id: appointment.id }).where('id', '=', offerId).execute();
  await tx.db
    .updateTable('waitlist_entries')
    .set({ status: 'booked', appointment_id: appointment.id, updated_at: tx.clock.now(), version: (eb) => eb('version', '+', 1) })
    .where('id', '=', offer.entry_id)
    .execute();
  await recordAudit(tx, {
    action: 'update',
    resourceType: 'waitlist_offer',
    resourceId: offerId,
    patientId: offer.patient_id,
    changes: { status: { before: 'open', after: 'accepted' } },
    details: { appointmentId: appointment.id },
  });
  return { appointmentId: appointment.id, when: localWhen(offer.starts_at, offer.time_zone) };
}

export const waitlistAcceptLinkAction: LinkAction = {
  purpose: 'waitlist_accept',
  async describe(tx, offerId) {
    const o = await tx.db
      .selectFrom('waitlist_offers as o')
      .innerJoin('location_directory as l', 'l.id', 'o.location_id')
      .select(['o.status', 'o.starts_at', 'o.expires_at', 'l.name', 'l.time_zone'])
      .where('o.id', '=', offerId)
      .where('o.organization_id', '=', tx.organizationId)
      .executeTakeFirst();
    if (o?.status !== 'open' || o.expires_at <= tx.clock.now()) return null;
    return {
      title: 'Take this earlier appointment?',
      detail: `${o.name}: ${localWhen(o.starts_at, o.time_zone)}. Held for you until ${localWhen(o.expires_at, o.time_zone)}.`,
      button: 'Book this appointment',
    };
  },
  async perform(tx, offerId) {
    const done = await acceptOffer(tx, offerId);
    return { title: 'Appointment booked', detail: `You are booked for ${done.when}. You have been taken off the waiting list.` };
  },
};
