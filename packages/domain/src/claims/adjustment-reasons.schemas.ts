import { z } from 'zod';
import { REASON_CODE_SETS } from './adjustment-reasons.ts';

export const reasonCodeSetSchema = z.enum(REASON_CODE_SETS);

export const adjustmentReasonSchema = z.object({
  codeSet: reasonCodeSetSchema,
  code: z.string(),
  description: z.string(),
  /** `office`: imported by the office (shown first); `built-in`: the project's own short text. */
  source: z.enum(['office', 'built-in']),
});
export type AdjustmentReason = z.infer<typeof adjustmentReasonSchema>;

export const adjustmentReasonQuerySchema = z.strictObject({
  codeSet: reasonCodeSetSchema.optional(),
  /** Part of a code or of a description (any case). */
  q: z.string().trim().max(100).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(200).optional(),
});
export type AdjustmentReasonQuery = z.infer<typeof adjustmentReasonQuerySchema>;

export const adjustmentReasonImportQuerySchema = z.strictObject({
  /** For a two-column file (`code,description`): the code set of every row. */
  codeSet: reasonCodeSetSchema.optional(),
});

export const adjustmentReasonImportResultSchema = z.object({
  /** Codes the office had no text for. */
  imported: z.number().int(),
  /** Codes whose text the file replaced. */
  updated: z.number().int(),
  /** Always empty on success: any bad row refuses the whole file (400 naming `rows.N.column`). */
  errors: z.array(z.object({ path: z.string(), message: z.string() })),
});
export type AdjustmentReasonImportResult = z.infer<typeof adjustmentReasonImportResultSchema>;

export const adjustmentReasonClearQuerySchema = z.strictObject({
  /** Only this code set's texts (none: every imported text). */
  codeSet: reasonCodeSetSchema.optional(),
});

export const adjustmentReasonClearResultSchema = z.object({ deleted: z.number().int() });
