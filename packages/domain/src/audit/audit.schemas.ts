import { z } from 'zod';

/** The answer of verifyAudit: fixed field names, also printed by `clinicdesk audit verify`. */
export const auditVerificationSchema = z.object({
  ok: z.boolean(),
  checked: z.number().int(),
  firstBadSeq: z.number().int().nullable(),
});
