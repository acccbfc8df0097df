import { z } from 'zod';
import { defineAuditEvents } from '../shared/audit-events.ts';
import { CALL_DIRECTIONS, CALL_REASONS } from './calls.tables.ts';

const count = z.number().int().nonnegative();

/** The audit events the calls module writes (see shared/audit-events.ts). A call's note is PHI: every read and write has its row. */
export const callsAuditEvents = defineAuditEvents({
  'create:call': {
    about:
      'a call was logged: how its patient was found (given, matched by phone, several numbers to pick from, none) and whether it asked for a follow-up task',
    details: z.strictObject({
      direction: z.enum(CALL_DIRECTIONS),
      reason: z.enum(CALL_REASONS),
      match: z.enum(['given', 'phone', 'several', 'none']),
      followUpTaskId: z.guid().optional(),
    }),
  },
  'update:call': { about: 'a call was edited: outcome, note, patient picked, follow-up done (`changes`)', details: z.null() },
  'read:call': { about: 'a call and its note were opened', details: z.null() },
  'search:call': {
    about: 'the call log (or a patient’s calls) was viewed, with its filters and how many rows',
    details: z.strictObject({
      count,
      patientId: z.guid().optional(),
      needsFollowUp: z.boolean().optional(),
      unanswered: z.boolean().optional(),
      locationId: z.guid().optional(),
      assignedTo: z.string().optional(),
    }),
  },
  'search:caller': {
    about: 'a phone number was looked up to name the caller, with how many patients have it (the number is not recorded)',
    details: z.strictObject({ matches: count }),
  },
});
