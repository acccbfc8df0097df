import { defineEvent } from '../shared/events.ts';
import type { BillPaymentMethod, ExpenseCategory } from './payables.tables.ts';

/** A vendor bill was entered (in its transaction): the ledger posts Dr the expense, Cr accounts payable. */
export interface BillEnteredPayload {
  billId: string;
  vendorId: string;
  category: ExpenseCategory;
  amountCents: number;
  /** The invoice date: the day the expense is booked. */
  postingDate: string;
  memo: string;
}
export const billEntered = defineEvent<BillEnteredPayload>('bill.entered');

/** Money was paid on a bill (in its transaction): Dr accounts payable, Cr bank. */
export interface BillPaidPayload {
  billPaymentId: string;
  billId: string;
  vendorId: string;
  method: BillPaymentMethod;
  amountCents: number;
  postingDate: string;
}
export const billPaid = defineEvent<BillPaidPayload>('bill.paid');

/** An unpaid bill was voided (in its transaction): the bill's entry is reversed on `postingDate`. */
export interface BillVoidedPayload {
  billId: string;
  postingDate: string;
  reason: string;
}
export const billVoided = defineEvent<BillVoidedPayload>('bill.voided');
