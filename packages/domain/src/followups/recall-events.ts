/**
 * `recall.booked`: emitted in the transaction that makes a recall `booked` (a contact whose
 * outcome is a booking, or the recall edited to booked), so what other modules do about it (a
 * recall campaign stops reaching the patient) commits with it.
 */
import { defineEvent } from '../shared/events.ts';

export interface BookedRecall {
  id: string;
  patientId: string;
}

export const recallBooked = defineEvent<BookedRecall>('recall.booked');
