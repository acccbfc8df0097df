import { z } from 'zod';
import { defineAuditEvents } from '../shared/audit-events.ts';
import { INBOX_BOXES } from './inbox.schemas.ts';
import { THREAD_KINDS } from './inbox.tables.ts';

const count = z.number().int().nonnegative();

/** The audit events the inbox module writes (see shared/audit-events.ts). Rows about a patient carry them. */
export const inboxAuditEvents = defineAuditEvents({
  'create:staff_thread': {
    about: 'a staff message or refill request was started (about a patient, when one is named), and whom it was assigned to',
    details: z.strictObject({ kind: z.enum(THREAD_KINDS), assignedTo: z.guid().nullable() }),
  },
  'read:staff_thread': { about: 'a staff thread about a patient was opened', details: z.strictObject({ messages: count }) },
  'update:staff_thread': {
    about: 'a staff thread got a reply, or was assigned or marked done (`changes`)',
    details: z.strictObject({ reply: z.boolean(), reopened: z.boolean() }),
  },
  'search:staff_thread': {
    about: 'the staff inbox was viewed (a box, or one patient’s threads)',
    details: z.strictObject({ box: z.enum(INBOX_BOXES), status: z.enum(['open', 'done', 'any']), count }),
  },
  'search:refill_medication': {
    about: "a patient's active medications were listed to name one in a refill request",
    details: z.strictObject({ count }),
  },
});
