import { z } from 'zod';
import { defineAuditEvents } from '../shared/audit-events.ts';

const cents = z.number().int();

/** The audit events the deposits module writes (see shared/audit-events.ts). */
export const depositsAuditEvents = defineAuditEvents({
  'create:daily_close': {
    about: "a location's day was closed, with the expected and counted cash and the variance",
    details: z.strictObject({ date: z.string(), expectedCashCents: cents, countedCashCents: cents, varianceCents: cents }),
  },
  'create:deposit': {
    about: 'payments were taken to the bank in a deposit, with how many and the total',
    details: z.strictObject({ paymentCount: z.number().int().nonnegative(), totalCents: cents }),
  },
});
