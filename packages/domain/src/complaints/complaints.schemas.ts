import { z } from 'zod';
import { COMPLAINT_CATEGORIES, COMPLAINT_SEVERITIES, COMPLAINT_STATUSES } from './complaints.tables.ts';

const uuid = z.string().uuid();
const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Enter a date as YYYY-MM-DD.');

/** A complaint. `overdue`: still open or under investigation after its due date. */
export const complaintSchema = z.object({
  id: uuid,
  locationId: uuid.nullable(),
  locationName: z.string().nullable(),
  patientId: uuid.nullable(),
  patientName: z.string().nullable(),
  complainant: z.string(),
  receivedOn: z.string(),
  description: z.string(),
  category: z.enum(COMPLAINT_CATEGORIES),
  severity: z.enum(COMPLAINT_SEVERITIES),
  ownerId: uuid.nullable(),
  ownerName: z.string().nullable(),
  dueOn: z.string().nullable(),
  overdue: z.boolean(),
  status: z.enum(COMPLAINT_STATUSES),
  resolution: z.string().nullable(),
  resolvedOn: z.string().nullable(),
  patientInformed: z.boolean(),
  createdAt: z.string(),
  version: z.number().int(),
});
export type Complaint = z.infer<typeof complaintSchema>;

/** What the desk can say when it logs one: the answer is only the id (the desk may not read complaints back). */
export const complaintInputSchema = z
  .strictObject({
    patientId: uuid.optional(),
    /** Who raised it when not the patient (a daughter, a visitor); required without a patient. */
    complainant: z.string().trim().max(200).default(''),
    description: z.string().trim().min(1).max(4000),
    category: z.enum(COMPLAINT_CATEGORIES),
    severity: z.enum(COMPLAINT_SEVERITIES),
    /** Default: today at the location. */
    receivedOn: date.optional(),
    ownerId: uuid.optional(),
    dueOn: date.optional(),
    /** Default: the location chosen in the app (x-location-id). */
    locationId: uuid.optional(),
  })
  .refine((c) => c.patientId || c.complainant, { path: ['complainant'], message: 'Name who raised it, or choose the patient.' });
export type ComplaintInput = z.infer<typeof complaintInputSchema>;

export const complaintPatchSchema = z.strictObject({
  description: z.string().trim().min(1).max(4000).optional(),
  category: z.enum(COMPLAINT_CATEGORIES).optional(),
  severity: z.enum(COMPLAINT_SEVERITIES).optional(),
  ownerId: uuid.nullable().optional(),
  dueOn: date.nullable().optional(),
  status: z.enum(COMPLAINT_STATUSES).optional(),
  /** Required to resolve or close it. */
  resolution: z.string().trim().min(1).max(4000).nullable().optional(),
  patientInformed: z.boolean().optional(),
});
export type ComplaintPatch = z.infer<typeof complaintPatchSchema>;

export const complaintQuerySchema = z.strictObject({
  status: z.enum(COMPLAINT_STATUSES).optional(),
  /** Only those still open after their due date. */
  overdue: z
    .enum(['true', 'false'])
    .optional()
    .transform((v) => v === 'true'),
  patientId: uuid.optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(300).optional(),
});
export type ComplaintQuery = z.infer<typeof complaintQuerySchema>;

export const complaintReportQuerySchema = z.strictObject({
  /** YYYY-MM: the complaints received that month. */
  month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'Enter a month as YYYY-MM.'),
});

const counts = <T extends readonly [string, ...string[]]>(values: T) =>
  z.array(z.object({ value: z.enum(values), count: z.number().int() }));

/** The monthly report: the month's complaints by category, severity and status, and how many are overdue today. */
export const complaintReportSchema = z.object({
  month: z.string(),
  total: z.number().int(),
  byCategory: counts(COMPLAINT_CATEGORIES),
  bySeverity: counts(COMPLAINT_SEVERITIES),
  byStatus: counts(COMPLAINT_STATUSES),
  overdue: z.number().int(),
  patientInformed: z.number().int(),
});
export type ComplaintReport = z.infer<typeof complaintReportSchema>;
