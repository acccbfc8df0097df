import { z } from 'zod';
import { defineAuditEvents } from '../shared/audit-events.ts';
import { CHARGE_STATUSES, PRICE_SOURCES } from './billing.tables.ts';

const count = z.number().int().nonnegative();
const cents = z.number().int();
const feeDetails = z.strictObject({ payerId: z.guid().nullable(), code: z.string(), modifier: z.string(), amountCents: cents });

/** The audit events the billing module writes (see shared/audit-events.ts). */
export const billingAuditEvents = defineAuditEvents({
  'create:fee_schedule_entry': {
    about: 'a dated price was added to the standard fee schedule (payerId null) or a payer’s contract',
    details: feeDetails,
  },
  'update:fee_schedule_entry': { about: 'a fee schedule entry’s amount or dates changed (`changes`)', details: feeDetails },
  'update:fee_schedule': {
    about: 'a fee schedule (payerId null: the standard one) was imported from CSV, with the counts',
    details: z.strictObject({ payerId: z.guid().nullable(), created: count, updated: count, unchanged: count }),
  },
  'create:charge': {
    about: 'a charge was created from a signed encounter’s procedure line, with its price and where the price came from',
    details: z.strictObject({ encounterId: z.guid(), line: z.number().int(), amountCents: cents, priceSource: z.enum(PRICE_SOURCES) }),
  },
  'update:charge': {
    about: 'a charge was corrected (`changes` before/after, the reason when the amount differs from the schedule), approved or voided',
    details: z.union([
      z.strictObject({ edit: z.literal('correct'), reason: z.string().nullable(), scheduleCents: cents }),
      z.strictObject({ edit: z.literal('approve'), amountCents: cents }),
      z.strictObject({ edit: z.literal('void'), reason: z.string(), amountCents: cents }),
    ]),
  },
  'search:charge': {
    about: 'charges were listed (the review queue, an encounter’s charges): one row per patient shown, with how many',
    details: z.strictObject({
      count,
      status: z.enum(CHARGE_STATUSES).optional(),
      encounterId: z.guid().optional(),
      from: z.string().optional(),
      to: z.string().optional(),
    }),
  },
});
