import { z } from 'zod';
import { defineAuditEvents, disclosureDetailsSchema, outputDetailsSchema } from '../shared/audit-events.ts';

const cents = z.number().int();

/** The audit events the statements module writes (see shared/audit-events.ts). */
export const statementsAuditEvents = defineAuditEvents({
  'create:statement_run': {
    about: 'a statement run was made, with its threshold, its day and how many statements it issued',
    details: z.strictObject({ minBalanceCents: cents, statementCount: z.number().int().nonnegative(), asOf: z.string() }),
  },
  'disclose:statement': {
    about: 'a statement was sent to a patient or guarantor (one row per patient on it): one entry of the accounting of disclosures',
    details: disclosureDetailsSchema,
  },
  'read:statement_run': {
    about: "a statement run and a page of its statements were shown (one row per patient on the page's statements)",
    details: z.strictObject({ runId: z.guid() }),
  },
  'search:statement': {
    about: "a patient's statements were listed, with how many were shown",
    details: z.strictObject({ count: z.number().int().nonnegative() }),
  },
  'print:statement': {
    about: 'a statement was printed as PDF (one row per patient on it), alone or in its run’s combined PDF',
    details: outputDetailsSchema,
  },
});
