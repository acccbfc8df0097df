import { defineEvent } from '../shared/events.ts';

/** A location's day was closed (in its transaction): the ledger posts a cash variance to cash over and short. */
export interface DayClosedPayload {
  closeId: string;
  locationId: string;
  date: string;
  varianceCents: number;
}
export const dayClosed = defineEvent<DayClosedPayload>('day.closed');

/** A deposit was made (in its transaction): the ledger moves its cash and its checks and cards to the bank. */
export interface DepositCreatedPayload {
  depositId: string;
  locationId: string;
  depositDate: string;
  cashCents: number;
  nonCashCents: number;
}
export const depositCreated = defineEvent<DepositCreatedPayload>('deposit.created');
