import { requirePatientAccess } from '../access/index.ts';
import { requirePermission } from '../access/index.ts';
import { type Ctx, inTransaction } from '../shared/context.ts';
import { applyTransition, lockAppointment } from './appointment-status.ts';
import { emit } from '../shared/events.ts';
import { appointmentCancelled } from './cancel-hooks.ts';
import { loadAppointment } from './get-appointment.ts';
import type { Appointment, CancelInput } from './scheduling.schemas.ts';

/** Cancel with a reason code (patient, clinic, weather, provider, other) and free text. The slot frees at once. */
export async function cancelAppointment(ctx: Ctx, id: string, input: CancelInput): Promise<Appointment> {
  requirePermission(ctx, 'appointment:write');
  return inTransaction(ctx, async (tx) => {
    const current = await lockAppointment(tx, id);
    const access = await requirePatientAccess(tx, current.patient_id, 'appointment:write');
    await applyTransition(tx, current, 'cancelled', {
      set: { cancel_reason: input.reason, cancel_note: input.note ?? null },
      details: { reason: input.reason, ...(input.note && { note: input.note }) },
      breakGlass: access.breakGlass,
    });
    await emit(tx, appointmentCancelled, {
      id,
      patientId: current.patient_id,
      providerId: current.provider_id,
      locationId: current.location_id,
      appointmentTypeId: current.appointment_type_id,
      startsAt: current.starts_at,
      blockedUntil: current.blocked_until,
    });
    return loadAppointment(tx, id);
  });
}
