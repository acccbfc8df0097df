/**
 * `appointment.booking`: emitted inside the booking transaction (a booking, a series
 * occurrence, a reschedule: everything goes through insertAppointment) before the row is
 * written. A reaction may refuse the booking by throwing a 409 AppError (credentials: the
 * provider's licence for the location's state has expired on that day), or answer which of
 * the rooms scheduling may pick from are unavailable (equipment: an out-of-service fault);
 * a room the client chose itself is refused by the reaction, naming why. Scheduling reads
 * none of those modules' tables.
 */
import { defineEvent } from '../shared/events.ts';

export interface AppointmentBooking {
  providerId: string;
  locationId: string;
  startsAt: Date;
  endsAt: Date;
  /** The visit's day at the location (YYYY-MM-DD). */
  localDate: string;
  /** The room the client asked for, if any: a reaction refuses it with a 409 naming why. */
  roomId: string | null;
  /** The rooms scheduling may pick from when the client named none. */
  candidateRoomIds: string[];
}

/** What a reaction may answer: rooms among `candidateRoomIds` that must not be picked. */
export interface BookingAnswer {
  unavailableRoomIds?: string[];
}

export const appointmentBooking = defineEvent<AppointmentBooking>('appointment.booking');
