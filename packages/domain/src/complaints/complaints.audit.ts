import { z } from 'zod';
import { defineAuditEvents } from '../shared/audit-events.ts';
import { COMPLAINT_CATEGORIES, COMPLAINT_SEVERITIES } from './complaints.tables.ts';

/** The audit events the complaints module writes (see shared/audit-events.ts). A complaint about a patient is PHI. */
export const complaintsAuditEvents = defineAuditEvents({
  'create:complaint': {
    about: 'a complaint or concern was logged',
    details: z.strictObject({ category: z.enum(COMPLAINT_CATEGORIES), severity: z.enum(COMPLAINT_SEVERITIES) }),
  },
  'update:complaint': { about: 'a complaint was assigned, investigated, resolved or edited (`changes`)', details: z.null() },
  'read:complaint': { about: 'a complaint was opened', details: z.null() },
  'search:complaint': {
    about: 'the complaints list was viewed, with how many rows',
    details: z.strictObject({ count: z.number().int().nonnegative(), status: z.string().optional(), patientId: z.guid().optional() }),
  },
});
