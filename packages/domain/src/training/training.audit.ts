import { z } from 'zod';
import { defineAuditEvents } from '../shared/audit-events.ts';
import { ASSIGNMENT_SOURCES } from './training.tables.ts';

/** The audit events the training module writes (see shared/audit-events.ts). */
export const trainingAuditEvents = defineAuditEvents({
  'create:training_item': { about: 'a training item or policy was added', details: z.null() },
  'update:training_item': { about: 'a training item or policy was edited or retired (`changes`)', details: z.null() },
  'create:training_assignment': {
    about: 'training was assigned to staff (by hand, the onboarding set of a new account, or a recurrence), with how many people',
    details: z.strictObject({ itemId: z.guid(), count: z.number().int().nonnegative(), source: z.enum(ASSIGNMENT_SOURCES) }),
  },
  'update:training_assignment': {
    about: 'an assignment was completed (a policy acknowledged) with its date and evidence',
    details: z.strictObject({ completedOn: z.string(), nextDueOn: z.string().optional() }),
  },
});
