import { requirePermission } from '../access/index.ts';
import { recordAudit } from '../audit/index.ts';
import { bookAppointment } from '../scheduling/index.ts';
import { type Ctx, inTransaction } from '../shared/context.ts';
import { AppError } from '../shared/errors.ts';
import { withdrawOpenOffers } from './close-open-offers.ts';
import { loadEntry } from './entry-row.ts';
import { lockEntry } from './lock-entry.ts';
import type { BookFromWaitlistInput, WaitlistEntry } from './waitlist.schemas.ts';

/**
 * Staff fill a slot from the list by hand: book the entry's patient and type at the
 * given time (the usual SLOT_TAKEN rules, holds included) and mark the entry booked.
 * A slot held for this entry elsewhere is released to the next patient.
 */
export async function bookFromWaitlist(ctx: Ctx, id: string, input: BookFromWaitlistInput): Promise<WaitlistEntry> {
  requirePermission(ctx, 'appointment:write');
  return inTransaction(ctx, async (tx) => {
    const entry = await lockEntry(tx, id);
    if (entry.status !== 'waiting') throw new AppError('CONFLICT', `the entry is ${entry.status}`);
    await withdrawOpenOffers(tx, id);
    const appointment = await bookAppointment(tx, {
      patientId: entry.patient_id,
      appointmentTypeId: entry.appointment_type_id,
      providerId: input.providerId,
      locationId: input.locationId,
      start: input.start,
      notes: 'Booked from the waiting list',
      overbook: false,
    });
    await tx.db
      .updateTable('waitlist_entries')
      .set({ status: 'booked', appointment_id: appointment.id, version: entry.version + 1, updated_at: tx.clock.now() })
      .where('id', '=', id)
      .execute();
    await recordAudit(tx, {
      action: 'update',
      resourceType: 'waitlist_entry',
      resourceId: id,
      patientId: entry.patient_id,
      changes: { status: { before: 'waiting', after: 'booked' } },
      details: { appointmentId: appointment.id, byHand: true },
    });
    return loadEntry(tx, id);
  });
}
