import { z } from 'zod';
import { defineAuditEvents } from '../shared/audit-events.ts';
import { CONTACT_TYPES, PLAN_FREQUENCIES } from './collections.tables.ts';

const cents = z.number().int();

/** The audit events the collections module writes (see shared/audit-events.ts). */
export const collectionsAuditEvents = defineAuditEvents({
  'search:collection_account': {
    about: "a patient's balance was shown on the collections worklist, under the guarantor's key",
    details: z.strictObject({ guarantorKey: z.string(), balanceCents: cents }),
  },
  'create:collection_contact': {
    about: 'a collection contact was logged for a guarantor (type, whether it carries a promise to pay)',
    details: z.strictObject({
      guarantorKey: z.string(),
      type: z.enum(CONTACT_TYPES),
      promiseCents: cents.nullable(),
      promiseOn: z.string().nullable(),
    }),
  },
  'read:collection_contact': {
    about: "a guarantor's contact log was shown, with how many entries",
    details: z.strictObject({ guarantorKey: z.string(), count: z.number().int().nonnegative() }),
  },
  'create:payment_plan': {
    about: 'a payment plan was set up for a patient (total, installment, frequency)',
    details: z.strictObject({
      totalCents: cents,
      installmentCents: cents,
      frequency: z.enum(PLAN_FREQUENCIES),
      installments: z.number().int(),
    }),
  },
  'read:payment_plan': {
    about: "a patient's payment plans were shown, with how many",
    details: z.strictObject({ count: z.number().int().nonnegative() }),
  },
  'update:payment_plan': {
    about: 'a payment plan was cancelled, with the reason',
    details: z.strictObject({ status: z.literal('cancelled'), reason: z.string() }),
  },
  'disclose:collection_agency': {
    about: "a guarantor's account was sent to the outside collection agency",
    details: z.strictObject({ guarantorKey: z.string(), sentOn: z.string() }),
  },
  'update:collection_agency': {
    about: "the outside collection agency returned a guarantor's account, with the reason",
    details: z.strictObject({ guarantorKey: z.string(), returnedOn: z.string(), reason: z.string() }),
  },
  'export:collection_agency': {
    about: "a guarantor's account was in the agency export (CSV), with the balance exported",
    details: z.strictObject({ guarantorKey: z.string(), balanceCents: cents }),
  },
  'search:collection_write_off': {
    about: "a patient's small balance was listed in a write-off preview (nothing was written off)",
    details: z.strictObject({ maxBalanceCents: cents, amountCents: cents }),
  },
  'create:collection_write_off': {
    about: "a patient's small balance was written off by a batch, with the amount and the reason",
    details: z.strictObject({ batchId: z.guid(), amountCents: cents, reason: z.string() }),
  },
});
