import { z } from 'zod';
import { defineAuditEvents } from '../shared/audit-events.ts';

/** The audit events the eligibility module writes (see shared/audit-events.ts). */
export const eligibilityAuditEvents = defineAuditEvents({
  'create:eligibility_request': {
    about: "an eligibility inquiry (270) was built for a patient's coverage",
    details: z.strictObject({ coverageId: z.guid(), traceNumber: z.string() }),
  },
  'create:eligibility_response': {
    about: "a payer's eligibility answer (271) was imported and matched to its inquiry",
    details: z.strictObject({ coverageId: z.guid(), traceNumber: z.string(), status: z.string(), alreadyImported: z.boolean() }),
  },
  'read:eligibility': {
    about: "a coverage's latest eligibility answer was shown",
    details: z.strictObject({ coverageId: z.guid() }),
  },
});
