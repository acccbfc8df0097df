import type { Selectable, Updateable } from 'kysely';
import { requirePatientAccess, requirePermission } from '../access/index.ts';
import { recordAudit } from '../audit/index.ts';
import { actorUserId, type Ctx, inTransaction } from '../shared/context.ts';
import { AppError } from '../shared/errors.ts';
import { lockAppointment } from './appointment-status.ts';
import { loadAppointment } from './get-appointment.ts';
import type { Appointment, CheckInConfirmationInput } from './scheduling.schemas.ts';
import type { AppointmentStatus, AppointmentsTable } from './scheduling.tables.ts';

/** Statuses of a visit whose patient has checked in: the desk may still confirm. */
const CHECKED_IN: readonly AppointmentStatus[] = ['arrived', 'roomed', 'with_provider', 'checked_out'];

/**
 * The columns a confirmation sets: a tick stamps who and when; an earlier confirmation is
 * kept (false never erases it). `changes` is empty when nothing new was confirmed.
 */
export function confirmationChanges(
  tx: Ctx,
  current: Selectable<AppointmentsTable>,
  input: CheckInConfirmationInput,
): { set: Updateable<AppointmentsTable>; changes: Record<string, { before: boolean; after: boolean }> } {
  const now = tx.clock.now();
  const userId = actorUserId(tx);
  const set: Updateable<AppointmentsTable> = {};
  const changes: Record<string, { before: boolean; after: boolean }> = {};
  if (input.insuranceConfirmed && current.insurance_confirmed_at === null) {
    set.insurance_confirmed_at = now;
    set.insurance_confirmed_by = userId;
    changes.insuranceConfirmed = { before: false, after: true };
  }
  if (input.demographicsConfirmed && current.demographics_confirmed_at === null) {
    set.demographics_confirmed_at = now;
    set.demographics_confirmed_by = userId;
    changes.demographicsConfirmed = { before: false, after: true };
  }
  return { set, changes };
}

/**
 * The front desk's checklist after a one-click check-in: insurance card seen,
 * address/phone/email confirmed. Stamped on the appointment (who, when) and audited;
 * 409 CONFLICT when the patient has not checked in. Repeating a tick changes nothing.
 */
export async function confirmCheckIn(ctx: Ctx, id: string, input: CheckInConfirmationInput): Promise<Appointment> {
  requirePermission(ctx, 'appointment:write');
  return inTransaction(ctx, async (tx) => {
    const current = await lockAppointment(tx, id);
    const access = await requirePatientAccess(tx, current.patient_id, 'appointment:write');
    if (!CHECKED_IN.includes(current.status)) {
      throw new AppError('CONFLICT', `the patient has not checked in (status ${current.status})`, {
        extra: { reason: 'NOT_CHECKED_IN', status: current.status },
      });
    }
    const { set, changes } = confirmationChanges(tx, current, input);
    if (Object.keys(changes).length > 0) {
      await tx.db
        .updateTable('appointments')
        .set({ ...set, version: current.version + 1, updated_at: tx.clock.now() })
        .where('id', '=', current.id)
        .execute();
      await recordAudit(tx, {
        action: 'update',
        resourceType: 'appointment',
        resourceId: current.id,
        patientId: current.patient_id,
        breakGlass: access.breakGlass,
        changes,
        details: { checkIn: true },
      });
    }
    return loadAppointment(tx, id);
  });
}
