import { z } from 'zod';
import { defineAuditEvents } from '../shared/audit-events.ts';

/** The audit events the codes module writes (the code sets are reference data: searching them is not audited). */
export const codesAuditEvents = defineAuditEvents({
  'create:procedure': {
    about: "a code was added to the practice's procedure list",
    details: z.strictObject({ code: z.string(), defaultFeeCents: z.number().int().nonnegative() }),
  },
  'update:procedure': { about: 'a procedure list entry was edited or taken off the list (`changes`)', details: z.null() },
  'update:procedure_list': {
    about: 'the procedure list was imported from CSV (counts of entries created, updated, unchanged)',
    details: z.strictObject({ created: z.number().int(), updated: z.number().int(), unchanged: z.number().int() }),
  },
});
