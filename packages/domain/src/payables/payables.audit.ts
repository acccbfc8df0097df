import { z } from 'zod';
import { defineAuditEvents } from '../shared/audit-events.ts';
import { BILL_PAYMENT_METHODS, EXPENSE_CATEGORIES } from './payables.tables.ts';

const cents = z.number().int();

/** The audit events the payables module writes (practice money, no patient data). */
export const payablesAuditEvents = defineAuditEvents({
  'create:vendor': { about: 'a vendor was added', details: z.strictObject({ name: z.string() }) },
  'update:vendor': { about: 'a vendor was edited or taken off the list (`changes`)', details: z.null() },
  'create:bill': {
    about: 'a vendor bill was entered, with its amount, expense category and due date',
    details: z.strictObject({ vendorId: z.guid(), amountCents: cents, category: z.enum(EXPENSE_CATEGORIES), dueDate: z.string() }),
  },
  'update:bill': {
    about:
      'a bill was voided (with the reason), its invoice file was attached, or it was edited while unpaid (`changes` before/after; `reposted`: its journal entry was reversed and posted again)',
    details: z.union([
      z.strictObject({ change: z.literal('edit'), reposted: z.boolean() }),
      z.strictObject({ change: z.literal('void'), reason: z.string() }),
      z.strictObject({ change: z.literal('invoice'), invoiceId: z.guid(), sha256: z.string(), sizeBytes: z.number().int() }),
    ]),
  },
  'create:bill_payment': {
    about: 'money was paid on a bill, with the amount, method and day',
    details: z.strictObject({ billId: z.guid(), amountCents: cents, method: z.enum(BILL_PAYMENT_METHODS), paidOn: z.string() }),
  },
});
