import { z } from 'zod';
import { defineAuditEvents } from '../shared/audit-events.ts';

/** The audit events the staff module writes: HR fields are personal data of staff, so their reads are recorded too. */
export const staffAuditEvents = defineAuditEvents({
  'update:staff_profile': { about: "a member of staff's profile or HR fields were changed (`changes`)", details: z.null() },
  'read:staff_profile': {
    about: "a manager opened a member of staff's profile with its HR fields (hire date, emergency contact)",
    details: z.null(),
  },
});
