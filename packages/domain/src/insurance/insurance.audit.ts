import { z } from 'zod';
import { defineAuditEvents } from '../shared/audit-events.ts';

/** The audit events the insurance module writes (see shared/audit-events.ts). */
export const insuranceAuditEvents = defineAuditEvents({
  'create:payer': { about: 'a payer was added', details: z.strictObject({ name: z.string() }) },
  'update:payer': { about: 'a payer was edited or taken off the list (`changes`)', details: z.null() },
  'create:coverage': {
    about: 'a coverage was added to a patient',
    details: z.strictObject({ payerId: z.guid(), priority: z.enum(['primary', 'secondary', 'tertiary']) }),
  },
  'read:coverage': { about: "a patient's coverages were listed", details: z.strictObject({ count: z.number().int().nonnegative() }) },
  'update:coverage': { about: 'a coverage was edited (`changes`)', details: z.null() },
});
