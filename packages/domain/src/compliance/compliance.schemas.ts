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

/**
 * Break-glass renewals (docs/AUDIT.md): a grant opened by the same user for the same record
 * less than this many hours after the previous one renews it, and while that one is not
 * reviewed the new one needs `renewal: true` and a reason of at least this many characters.
 */
export const BREAK_GLASS_RENEWAL_WINDOW_HOURS = 24;
export const BREAK_GLASS_RENEWAL_MIN_REASON = 40;

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
  redacted: z
    .boolean()
    .describe(
      'True when the event is about a restricted record the caller may not open (not on its care team, no active break-glass grant): `changes` is null and `details` keeps only `breakGlassGrantId`.',
    ),
  patientName: z
    .string()
    .nullable()
    .describe(
      "The patient's name (given, family); null without a patient, and for a restricted record the caller may not open (shown as a restricted patient).",
    ),
  resourceName: z
    .string()
    .nullable()
    .describe(
      'A name for `resourceId` where it names a staff account, a patient, a location, a room or an appointment type; null otherwise (a restricted patient as for `patientName`).',
    ),
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
  patientName: z
    .string()
    .nullable()
    .describe("The patient's name; null when the caller may not open the record now (restricted: care team or an active grant only)."),
  reason: z.string(),
  createdAt: z.string(),
  expiresAt: z.string(),
  active: z.boolean(),
  review: z
    .object({
      reviewedAt: z.string(),
      reviewedBy: z.string().uuid(),
      reviewerDisplayName: z.string().nullable(),
      note: z.string().nullable(),
    })
    .nullable()
    .describe("The manager's review of the grant; null until reviewed."),
  chain: z
    .object({
      position: z.number().int().min(2).describe('2 for the first renewal, 3 for the next, …'),
      previousGrantId: z.string().uuid(),
      previousReviewed: z.boolean(),
    })
    .nullable()
    .describe(
      `Set when this grant follows another grant of the same user for the same record by less than ${BREAK_GLASS_RENEWAL_WINDOW_HOURS} hours (a renewal); null otherwise.`,
    ),
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
  renewal: z
    .boolean()
    .optional()
    .describe(
      `The user states that this grant renews one opened for the same record in the last ${BREAK_GLASS_RENEWAL_WINDOW_HOURS} hours. Needed, with a reason of at least ${BREAK_GLASS_RENEWAL_MIN_REASON} characters, while that grant is not reviewed.`,
    ),
});
export type BreakGlassInput = z.infer<typeof breakGlassInputSchema>;

export const breakGlassOpenedSchema = z.object({
  id: z.string().uuid(),
  patientId: z.string().uuid(),
  reason: z.string(),
  createdAt: z.string(),
  expiresAt: z.string(),
  renewalOf: z
    .string()
    .uuid()
    .nullable()
    .describe(
      `The grant this one renews (same user and record, less than ${BREAK_GLASS_RENEWAL_WINDOW_HOURS} hours before); null otherwise.`,
    ),
});
export type BreakGlassOpened = z.infer<typeof breakGlassOpenedSchema>;

export const breakGlassReviewInputSchema = z.strictObject({
  note: z.string().trim().min(1).max(1000).optional(),
});
export type BreakGlassReviewInput = z.infer<typeof breakGlassReviewInputSchema>;

export const breakGlassReviewSchema = z.object({
  grantId: z.string().uuid(),
  reviewedAt: z.string(),
  reviewedBy: z.string().uuid(),
  note: z.string().nullable(),
});
export type BreakGlassReview = z.infer<typeof breakGlassReviewSchema>;
