import { defineEvent } from '../shared/events.ts';
import type { PaymentMethod } from './accounts.tables.ts';

/** A patient payment was posted (in its transaction): the ledger posts cash against patient A/R. */
export interface PaymentPostedPayload {
  paymentId: string;
  patientId: string;
  locationId: string;
  method: PaymentMethod;
  amountCents: number;
  postingDate: string;
  /** Which charges it pays; `amountCents` minus their sum stays on account (a credit). */
  allocations: { chargeId: string; encounterId: string; amountCents: number }[];
}

export const paymentPosted = defineEvent<PaymentPostedPayload>('payment.posted');

/** Money went back to the patient from a payment (in its transaction). */
export interface RefundIssuedPayload {
  refundId: string;
  paymentId: string;
  patientId: string;
  locationId: string;
  method: PaymentMethod;
  amountCents: number;
  postingDate: string;
}

export const refundIssued = defineEvent<RefundIssuedPayload>('refund.issued');

/** A payment was voided (in its transaction): the ledger reverses its entry, dated `reversalDate`. */
export interface PaymentVoidedPayload {
  paymentId: string;
  patientId: string;
  locationId: string;
  /** Today at the location, or the next open day when today is closed. */
  reversalDate: string;
  reason: string;
}

export const paymentVoided = defineEvent<PaymentVoidedPayload>('payment.voided');
