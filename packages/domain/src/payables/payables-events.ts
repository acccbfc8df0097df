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

/**
 * An unpaid bill's amount or expense account was edited (in its transaction): the ledger reverses
 * the bill's current entry and posts the bill as it now is on `postingDate`, as revision `version`.
 */
export interface BillRevisedPayload {
  billId: string;
  /** The bill's version after the edit: names the new entry (one per revision). */
  version: number;
  category: ExpenseCategory;
  amountCents: number;
  postingDate: string;
  memo: string;
}
export const billRevised = defineEvent<BillRevisedPayload>('bill.revised');
