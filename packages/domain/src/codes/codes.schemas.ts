import { MAX_FEE_CENTS } from '../shared/validation.ts';
import { z } from 'zod';

export const codeSearchQuerySchema = z.strictObject({
  q: z.string().max(100).default(''),
  limit: z.coerce.number().int().min(1).max(50).default(20),
  billable: z.enum(['true', 'false']).optional(),
});
export type CodeSearchQuery = z.infer<typeof codeSearchQuerySchema>;

export const icd10CodeSchema = z.object({ code: z.string(), description: z.string(), billable: z.boolean() });

export const hcpcsCodeSchema = z.object({ code: z.string(), description: z.string(), shortDescription: z.string() });
export type HcpcsCode = z.infer<typeof hcpcsCodeSchema>;

const procedureCodeSchema = z
  .string()
  .trim()
  .toUpperCase()
  .regex(
    /^([0-9]{4}[0-9FTU]|[A-V][0-9]{4})$/,
    'Enter a CPT code (5 digits, such as 99213) or a HCPCS Level II code (a letter and 4 digits, such as G0438).',
  );

/** A fee of one unit: whole cents, at most MAX_FEE_CENTS ($100,000.00). */
const feeCents = z.number().int().min(0).max(MAX_FEE_CENTS, 'A fee of one unit is at most $100,000.00.');

export const procedureInputSchema = z.strictObject({
  code: procedureCodeSchema,
  description: z.string().trim().min(1, 'Enter the practice description.').max(200),
  defaultFeeCents: feeCents,
  takesUnits: z.boolean().default(false),
});
export type ProcedureInput = z.infer<typeof procedureInputSchema>;

/** PATCH a procedure: any of description, fee, units, active (the code itself is the entry's identity). */
export const procedurePatchSchema = z.strictObject({
  description: z.string().trim().min(1, 'Enter the practice description.').max(200).optional(),
  defaultFeeCents: feeCents.optional(),
  takesUnits: z.boolean().optional(),
  active: z.boolean().optional(),
});
export type ProcedurePatch = z.infer<typeof procedurePatchSchema>;

export const procedureSchema = z.object({
  id: z.string().uuid(),
  code: z.string(),
  description: z.string(),
  defaultFeeCents: z.number().int(),
  takesUnits: z.boolean(),
  active: z.boolean(),
  version: z.number().int(),
});
export type Procedure = z.infer<typeof procedureSchema>;

export const procedureImportResultSchema = z.object({
  created: z.number().int(),
  updated: z.number().int(),
  unchanged: z.number().int(),
});
export type ProcedureImportResult = z.infer<typeof procedureImportResultSchema>;
