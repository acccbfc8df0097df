import { z } from 'zod';

const uuid = z.string().uuid();
const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Enter a date as YYYY-MM-DD.');

/** HR fields: shown only to those who manage the person's location (`staff:manage`). */
export const staffHrSchema = z.object({
  hireDate: z.string().nullable(),
  emergencyContactName: z.string(),
  emergencyContactRelation: z.string(),
  emergencyContactPhone: z.string(),
});

/** A member of staff: the account's name and state, the profile, and `hr` (null unless the reader manages them). */
export const staffMemberSchema = z.object({
  userId: uuid,
  name: z.string(),
  email: z.string(),
  active: z.boolean(),
  providerId: uuid.nullable(),
  jobTitle: z.string(),
  locationId: uuid.nullable(),
  locationName: z.string().nullable(),
  supervisorId: uuid.nullable(),
  supervisorName: z.string().nullable(),
  hr: staffHrSchema.nullable(),
  /** 0 while no profile was saved; the ETag (If-Match on PATCH). */
  version: z.number().int(),
});
export type StaffMember = z.infer<typeof staffMemberSchema>;

export const staffQuerySchema = z.strictObject({
  /** Only staff whose home location is this one. */
  locationId: uuid.optional(),
  /** Name or email contains. */
  q: z.string().trim().max(100).optional(),
  includeInactive: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(300).optional(),
});
export type StaffQuery = z.infer<typeof staffQuerySchema>;

export const staffPatchSchema = z.strictObject({
  jobTitle: z.string().trim().max(100).optional(),
  locationId: uuid.nullable().optional(),
  supervisorId: uuid.nullable().optional(),
  hireDate: date.nullable().optional(),
  emergencyContactName: z.string().trim().max(200).optional(),
  emergencyContactRelation: z.string().trim().max(60).optional(),
  emergencyContactPhone: z.string().trim().max(40).optional(),
});
export type StaffPatch = z.infer<typeof staffPatchSchema>;
