import { requirePatientAccess } from '../access/index.ts';
import { requirePermission } from '../access/index.ts';
import { roomsByIds } from '../organizations/index.ts';
import { type Ctx, inTransaction } from '../shared/context.ts';
import { AppError, invalid } from '../shared/errors.ts';
import { applyTransition, lockAppointment } from './appointment-status.ts';
import { confirmationChanges } from './confirm-check-in.ts';
import { loadAppointment } from './get-appointment.ts';
import type { Appointment, StatusInput } from './scheduling.schemas.ts';

/**
 * Move a patient through the visit (confirm, arrive, room, see, check out, no-show). `roomId`
 * places the patient when roomed; at check-in (arrived) the desk's insurance and demographics
 * ticks may come along, stamped on the appointment and noted on the status event.
 */
export async function changeAppointmentStatus(ctx: Ctx, id: string, input: StatusInput): Promise<Appointment> {
  requirePermission(ctx, 'appointment:write');
  return inTransaction(ctx, async (tx) => {
    const current = await lockAppointment(tx, id);
    const access = await requirePatientAccess(tx, current.patient_id, 'appointment:write');
    if (input.status === 'cancelled' || input.status === 'rescheduled') {
      throw new AppError('ILLEGAL_TRANSITION', `use /${input.status === 'cancelled' ? 'cancel' : 'reschedule'} for that`, {
        extra: { from: current.status, to: input.status },
      });
    }
    let roomId: string | undefined;
    if (input.roomId) {
      if (input.status !== 'roomed') throw invalid('roomId', 'a room is given when the patient is roomed');
      const [room] = await roomsByIds(tx, [input.roomId]);
      if (room?.locationId !== current.location_id) throw invalid('roomId', 'not a room at this location');
      roomId = room.id;
    }
    const confirmed = confirmationChanges(tx, current, input);
    const ticks = Object.fromEntries(Object.keys(confirmed.changes).map((k) => [k, true]));
    const details = { ...(roomId && { roomId }), ...ticks };
    await applyTransition(tx, current, input.status, {
      set: { ...(roomId && { room_id: roomId }), ...confirmed.set },
      details: Object.keys(details).length > 0 ? details : undefined,
      breakGlass: access.breakGlass,
    });
    return loadAppointment(tx, id);
  });
}
