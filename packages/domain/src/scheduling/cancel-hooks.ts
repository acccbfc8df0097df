/**
 * `appointment.cancelled`: emitted inside the cancelling transaction, so what other
 * modules do about it (the waitlist offers the freed slot) commits with the cancellation.
 * Reactions are declared in the reacting module's manifest (module.ts).
 */
import { defineEvent } from '../shared/events.ts';

export interface CancelledAppointment {
  id: string;
  patientId: string;
  providerId: string;
  locationId: string;
  appointmentTypeId: string;
  startsAt: Date;
  blockedUntil: Date;
}

export const appointmentCancelled = defineEvent<CancelledAppointment>('appointment.cancelled');
