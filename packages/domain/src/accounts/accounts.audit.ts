import { z } from 'zod';
import { defineAuditEvents } from '../shared/audit-events.ts';
import { PAYMENT_METHODS } from './accounts.tables.ts';

const cents = z.number().int();

/** The audit events the accounts module writes (see shared/audit-events.ts). */
export const accountsAuditEvents = defineAuditEvents({
  'create:payment': {
    about: 'a patient payment was posted, with its method, amount and how much of it was allocated to charges',
    details: z.strictObject({ method: z.enum(PAYMENT_METHODS), amountCents: cents, allocatedCents: cents, postingDate: z.string() }),
  },
  'create:refund': {
    about: 'money was returned from a payment, with the amount and the reason',
    details: z.strictObject({ paymentId: z.guid(), amountCents: cents, reason: z.string() }),
  },
  'create:payment_void': {
    about: 'a payment was voided (its journal entry reversed), with the reason and the day the reversal posted',
    details: z.strictObject({ paymentId: z.guid(), amountCents: cents, reason: z.string(), reversalDate: z.string() }),
  },
  'read:account': {
    about: "a patient's account balances were shown",
    details: z.strictObject({ patientBalanceCents: cents, insuranceBalanceCents: cents }),
  },
  'print:payment': {
    about: "a payment's receipt was printed (PDF), with its amount and the patient's balance it showed",
    details: z.strictObject({ amountCents: cents, balanceCents: cents }),
  },
  'create:receipt_email': {
    about: "a payment's receipt was queued to the patient's email (consented), with the message it queued",
    details: z.strictObject({ messageId: z.guid() }),
  },
  'search:expected_copay': {
    about:
      'the desk looked up the copays expected today (coverage or latest 271) for the patients on its board, with how many were answered',
    details: z.strictObject({ count: z.number().int().nonnegative() }),
  },
  'read:payment': { about: 'a payment was shown', details: z.strictObject({}) },
  'search:payment': {
    about: "a patient's payments were listed, with how many were shown",
    details: z.strictObject({ count: z.number().int().nonnegative() }),
  },
});
