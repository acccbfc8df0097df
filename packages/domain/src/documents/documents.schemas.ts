import { z } from 'zod';
import { textCheck } from '../shared/text.ts';

export const DOCUMENT_CATEGORIES = ['id', 'insurance_card', 'consent', 'referral', 'outside_records', 'other'] as const;
export const DOCUMENT_TYPES = ['application/pdf', 'image/jpeg', 'image/png', 'image/tiff'] as const;
export type DocumentType = (typeof DOCUMENT_TYPES)[number];
/** Largest accepted upload. */
export const MAX_DOCUMENT_BYTES = 10 * 1024 * 1024;

export const documentMetaSchema = z.strictObject({
  category: z.enum(DOCUMENT_CATEGORIES),
  fileName: z
    .string()
    .trim()
    .min(1)
    .max(200)
    .check(textCheck())
    .refine((v) => !/[\\/\0]/.test(v), 'a file name, not a path'),
  description: z
    .string()
    .trim()
    .max(500)
    .check(textCheck({ multiline: true }))
    .optional()
    .transform((v) => v || null),
  coverageId: z.string().uuid().optional(),
});
export type DocumentMeta = z.infer<typeof documentMetaSchema>;

export const documentSchema = z.object({
  id: z.string().uuid(),
  patientId: z.string().uuid(),
  coverageId: z.string().uuid().nullable(),
  category: z.enum(DOCUMENT_CATEGORIES),
  fileName: z.string(),
  description: z.string().nullable(),
  contentType: z.enum(DOCUMENT_TYPES),
  sizeBytes: z.number().int(),
  sha256: z.string(),
  uploadedBy: z.string().uuid().nullable(),
  createdAt: z.string(),
});
export type DocumentInfo = z.infer<typeof documentSchema>;
