import { z } from 'zod';

/** Sort keys a report may use: the API name and the SQL expression behind it (never the input itself). */
export const AUDIT_SORT_FIELDS = {
  occurredAt: 'e.occurred_at',
  seq: 'e.seq',
  action: 'e.action',
  userId: "coalesce(e.user_id::text, '')",
  patientId: "coalesce(e.patient_id::text, '')",
  resourceType: "coalesce(e.resource_type, '')",
  outcome: 'e.outcome',
} as const;
export type AuditSortField = keyof typeof AUDIT_SORT_FIELDS;

const sortValues = Object.keys(AUDIT_SORT_FIELDS).flatMap((f) => [f, `-${f}`]) as [string, ...string[]];

const instant = z.iso.datetime({ offset: true });

/** Filters shared by the list, the CSV export and the reports. Unknown parameters are refused. */
export const auditFilterShape = {
  patientId: z.string().uuid().optional(),
  userId: z.string().uuid().optional(),
  action: z
    .string()
    .trim()
    .min(1)
    .max(64)
    .regex(/^[a-z][a-z0-9_.:-]*$/, 'an action name (lower case)')
    .optional(),
  from: instant.optional(),
  to: instant.optional(),
  /** A field name, `-` prefix for descending. */
  sort: z.enum(sortValues).default('-occurredAt'),
};

export const auditQuerySchema = z.strictObject({
  ...auditFilterShape,
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export type AuditQuery = z.infer<typeof auditQuerySchema>;

export const auditExportQuerySchema = z.strictObject(auditFilterShape);
export type AuditExportQuery = z.infer<typeof auditExportQuerySchema>;

export const auditEventSchema = z.object({
  seq: z.number().int(),
  occurredAt: z.string(),
  userId: z.string().nullable(),
  userEmail: z.string().nullable(),
  userDisplayName: z.string().nullable(),
  role: z.string().nullable(),
  patientId: z.string().nullable(),
  action: z.string(),
  resourceType: z.string().nullable(),
  resourceId: z.string().nullable(),
  outcome: z.enum(['success', 'denied']),
  ip: z.string().nullable(),
  userAgent: z.string().nullable(),
  requestId: z.string().nullable(),
  breakGlass: z.boolean(),
  changes: z.record(z.string(), z.unknown()).nullable(),
  details: z.record(z.string(), z.unknown()).nullable(),
});
export type AuditEvent = z.infer<typeof auditEventSchema>;

export const accessReportQuerySchema = z.strictObject({
  from: instant.optional(),
  to: instant.optional(),
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export type AccessReportQuery = z.infer<typeof accessReportQuerySchema>;

export const breakGlassReportQuerySchema = z.strictObject({
  userId: z.string().uuid().optional(),
  patientId: z.string().uuid().optional(),
  from: instant.optional(),
  to: instant.optional(),
  /** Only grants still open at the time of asking. */
  active: z.enum(['true', 'false']).optional(),
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export type BreakGlassReportQuery = z.infer<typeof breakGlassReportQuerySchema>;

export const breakGlassGrantSchema = z.object({
  id: z.string().uuid(),
  userId: z.string().uuid(),
  userEmail: z.string().nullable(),
  userDisplayName: z.string().nullable(),
  patientId: z.string().uuid(),
  reason: z.string(),
  createdAt: z.string(),
  expiresAt: z.string(),
  active: z.boolean(),
  /** Audit rows flagged break_glass under this grant (newest first, at most 100). */
  accesses: z.array(
    z.object({
      seq: z.number().int(),
      occurredAt: z.string(),
      action: z.string(),
      resourceType: z.string().nullable(),
      resourceId: z.string().nullable(),
      outcome: z.enum(['success', 'denied']),
    }),
  ),
  accessCount: z.number().int(),
});
export type BreakGlassGrant = z.infer<typeof breakGlassGrantSchema>;

export const breakGlassInputSchema = z.strictObject({
  reason: z.string().trim().min(10).max(1000),
  /** At most 60 minutes (the grant table enforces it too). */
  minutes: z.number().int().min(1).max(60).default(60),
});
export type BreakGlassInput = z.infer<typeof breakGlassInputSchema>;

export const breakGlassOpenedSchema = z.object({
  id: z.string().uuid(),
  patientId: z.string().uuid(),
  reason: z.string(),
  createdAt: z.string(),
  expiresAt: z.string(),
});
export type BreakGlassOpened = z.infer<typeof breakGlassOpenedSchema>;
