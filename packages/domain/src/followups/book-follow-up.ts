import { requirePatientAccess, requirePermission } from '../access/index.ts';
import { recordAudit } from '../audit/index.ts';
import { bookAppointment } from '../scheduling/index.ts';
import { type Ctx, inTransaction } from '../shared/context.ts';
import { AppError, invalid } from '../shared/errors.ts';
import { loadFollowUp, lockFollowUp } from './follow-up-row.ts';
import type { BookFollowUpInput, FollowUp } from './followups.schemas.ts';

/**
 * Book the visit a follow-up asks for, through scheduling's own booking (its rules: 409
 * SLOT_TAKEN when the time is taken or held, the patient-kind check), and mark the follow-up
 * booked in the same transaction: either both happen or neither. The type, provider and
 * location default to the follow-up's. 409 CONFLICT when it is no longer open.
 */
export async function bookFollowUp(ctx: Ctx, id: string, input: BookFollowUpInput): Promise<FollowUp> {
  requirePermission(ctx, 'appointment:write');
  return inTransaction(ctx, async (tx) => {
    const current = await lockFollowUp(tx, id);
    const access = await requirePatientAccess(tx, current.patient_id, 'appointment:write');
    if (current.status !== 'open') throw new AppError('CONFLICT', `the follow-up is ${current.status}`);
    const appointmentTypeId = input.appointmentTypeId ?? current.appointment_type_id;
    if (!appointmentTypeId) throw invalid('appointmentTypeId', 'the follow-up names no appointment type: choose one');
    const providerId = input.providerId ?? current.provider_id;
    if (!providerId) throw invalid('providerId', 'the follow-up names no provider: choose one');
    const appointment = await bookAppointment(tx, {
      patientId: current.patient_id,
      appointmentTypeId,
      providerId,
      locationId: input.locationId ?? current.location_id,
      start: input.startsAt,
      ...(input.roomId && { roomId: input.roomId }),
      notes: input.notes ?? (current.note ? `Follow-up: ${current.note}` : 'Follow-up'),
    });
    await tx.db
      .updateTable('follow_ups')
      .set({ status: 'booked', appointment_id: appointment.id, version: current.version + 1, updated_at: tx.clock.now() })
      .where('id', '=', id)
      .execute();
    await recordAudit(tx, {
      action: 'update',
      resourceType: 'follow_up',
      resourceId: id,
      access,
      changes: { status: { before: 'open', after: 'booked' } },
      details: { appointmentId: appointment.id },
    });
    return loadFollowUp(tx, id);
  });
}
