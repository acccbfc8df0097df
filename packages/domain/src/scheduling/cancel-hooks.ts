/**
 * What other modules do when an appointment is cancelled (the waitlist offers the freed
 * slot). They register a hook from their index.ts, as patients' merge hooks do; hooks run
 * inside the cancelling transaction, so their work commits with the cancellation.
 */
import type { Ctx } from '../shared/context.ts';

export interface CancelledAppointment {
  id: string;
  patientId: string;
  providerId: string;
  locationId: string;
  appointmentTypeId: string;
  startsAt: Date;
  blockedUntil: Date;
}

export interface AppointmentCancelHook {
  name: string;
  run(tx: Ctx, appointment: CancelledAppointment): Promise<void>;
}

export const APPOINTMENT_CANCEL_HOOKS: AppointmentCancelHook[] = [];

/** Register once by name (re-registering replaces). */
export function registerAppointmentCancelHook(hook: AppointmentCancelHook): void {
  const i = APPOINTMENT_CANCEL_HOOKS.findIndex((h) => h.name === hook.name);
  if (i >= 0) APPOINTMENT_CANCEL_HOOKS[i] = hook;
  else APPOINTMENT_CANCEL_HOOKS.push(hook);
}

export async function runCancelHooks(tx: Ctx, a: CancelledAppointment): Promise<void> {
  for (const hook of APPOINTMENT_CANCEL_HOOKS) await hook.run(tx, a);
}
