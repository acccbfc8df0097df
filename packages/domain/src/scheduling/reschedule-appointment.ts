import { requirePatientAccess } from '../access/index.ts';
import { requirePermission } from '../access/index.ts';
import { type Ctx, inTransaction } from '../shared/context.ts';
import { AppError, invalid } from '../shared/errors.ts';
import { applyTransition, lockAppointment } from './appointment-status.ts';
import { requireLocationZone } from './check-references.ts';
import { loadAppointment } from './get-appointment.ts';
import { insertAppointment } from './insert-appointment.ts';
import { parseStart } from './local-time.ts';
import type { Appointment, RescheduleInput } from './scheduling.schemas.ts';

/**
 * Move a visit to a new time (and optionally provider or location). History is kept:
 * the old row becomes `rescheduled` and points to the new one, which points back.
 * The old slot is released first, so a move that overlaps its own old time works.
 * `expectedVersion` (If-Match): the version the caller last saw; the move is refused
 * (VERSION_MISMATCH, with the visit as it is now) when the visit changed since, so an
 * "Undo" a few seconds late cannot move a visit someone else has moved or checked in.
 */
export async function rescheduleAppointment(ctx: Ctx, id: string, input: RescheduleInput, expectedVersion?: number): Promise<Appointment> {
  requirePermission(ctx, 'appointment:write');
  return inTransaction(ctx, async (tx) => {
    const old = await lockAppointment(tx, id);
    const access = await requirePatientAccess(tx, old.patient_id, 'appointment:write');
    if (expectedVersion !== undefined && old.version !== expectedVersion) {
      throw new AppError('VERSION_MISMATCH', `appointment is at version ${old.version}`, {
        extra: { current: await loadAppointment(tx, id) },
      });
    }
    const locationId = input.locationId ?? old.location_id;
    const zone = await requireLocationZone(tx, locationId);
    const start = parseStart(input.start, zone);
    // Before any slot check: a visit is never moved to a time already gone (a drag that
    // overshot), whatever else is free then.
    if (start.getTime() < tx.clock.now().getTime()) {
      throw invalid('start', 'that time has already passed: choose a time later today or another day');
    }
    await applyTransition(tx, old, 'rescheduled', {
      details: { to: start.toISOString(), ...(input.note && { note: input.note }) },
      breakGlass: access.breakGlass,
    });
    const newId = await insertAppointment(tx, {
      patientId: old.patient_id,
      providerId: input.providerId ?? old.provider_id,
      locationId,
      appointmentTypeId: old.appointment_type_id,
      start,
      notes: old.notes,
      seriesId: old.series_id,
      rescheduledFromId: old.id,
      breakGlass: access.breakGlass,
    });
    await tx.db.updateTable('appointments').set({ rescheduled_to_id: newId }).where('id', '=', old.id).execute();
    return loadAppointment(tx, newId);
  });
}
