import { z } from 'zod';
import { auditIdsSchema, defineAuditEvents } from '../shared/audit-events.ts';

const count = z.number().int().nonnegative();

/** The audit events the patients module writes (see shared/audit-events.ts). */
export const patientsAuditEvents = defineAuditEvents({
  'read:patient': {
    about: 'a patient record was opened (denied: a restricted record the caller may not open)',
    details: z.strictObject({ reason: z.literal('restricted record') }).nullable(),
    writer: 'also access: requirePatientAccess, denied',
  },
  'search:patient': {
    about:
      'a registry search: which kinds of terms, never the terms themselves; `lockedIds` the restricted records shown locked to a user who may break the glass',
    details: z.strictObject({
      resultCount: count,
      criteria: z.array(z.string()),
      page: z.enum(['first', 'next']),
      lockedIds: z.array(z.string().uuid()).optional(),
    }),
  },
  'create:patient': {
    about: 'a registration (one row, `resourceId` the patient) or an import (one row for the batch)',
    details: z.union([
      z.strictObject({
        mrn: z.string(),
        confirmedNotDuplicate: z.literal(true).optional(),
        candidateIds: auditIdsSchema.optional(),
        careTeam: auditIdsSchema.optional(),
      }),
      z.strictObject({ import: z.literal(true), source: z.string().nullable(), count, patientIds: auditIdsSchema }),
    ]),
  },
  'duplicate-check:patient': {
    about: 'a registration was refused as a possible duplicate; the candidates shown',
    details: z.strictObject({ candidateIds: auditIdsSchema }),
  },
  'update:patient': { about: 'demographics were edited (`changes`)', details: z.null() },
  'merge:patient': {
    about: 'two records were merged (one row on each)',
    details: z.strictObject({
      survivorId: z.guid(),
      survivorMrn: z.string(),
      mergedId: z.guid(),
      mergedMrn: z.string(),
      moved: z.record(z.string(), count),
      keptWithMerged: z.array(z.string()).optional(),
    }),
  },
  'read:care_team': { about: "a patient's care team was listed", details: z.strictObject({ count }) },
  'update:care_team': {
    about: "a patient's care team was changed (`changes.userIds`)",
    details: z.strictObject({ added: auditIdsSchema, removed: auditIdsSchema, reason: z.string().optional() }),
  },
});
