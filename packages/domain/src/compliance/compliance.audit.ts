import { z } from 'zod';
import { defineAuditEvents } from '../shared/audit-events.ts';

const count = z.number().int().nonnegative();
const filters = z.record(z.string(), z.string());

/** The audit events the compliance module writes (see shared/audit-events.ts). */
export const complianceAuditEvents = defineAuditEvents({
  'search:audit_event': { about: 'a page of the audit report was viewed', details: z.strictObject({ filters, count }) },
  'export:audit_event': {
    about: 'the audit report was exported',
    details: z.strictObject({ format: z.literal('csv'), filters, rows: count }),
  },
  'verify:audit_trail': {
    about: "the hash chain was checked for the caller's organization",
    details: z.strictObject({ ok: z.boolean(), checked: count, firstBadSeq: z.number().int().nullable() }),
  },
  'read:access_report': { about: "a patient's access report was viewed", details: z.strictObject({ count }) },
  'break_glass:patient': {
    about: 'emergency access to a restricted record was granted (with the reason and, for a renewal, the grant it renews)',
    details: z.strictObject({
      reason: z.string(),
      expiresAt: z.iso.datetime(),
      renewalOf: z.guid().optional(),
      previousReviewed: z.boolean().optional(),
    }),
  },
  'read:break_glass_report': { about: 'the break-glass report was viewed', details: z.strictObject({ count }) },
  'review:break_glass_grant': { about: 'a break-glass grant was reviewed', details: z.strictObject({ grantUserId: z.guid() }) },
});
