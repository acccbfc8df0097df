import { requirePermission } from '../access/index.ts';
import { type AuditVerification, recordAudit, verifyAudit } from '../audit/index.ts';
import type { Ctx } from '../shared/context.ts';

/** Check the installation's hash chain (all organizations) on behalf of a user; the check is audited. */
export async function verifyAuditTrail(ctx: Ctx): Promise<AuditVerification> {
  requirePermission(ctx, 'audit:read');
  // Its own repeatable-read snapshot, outside any request transaction.
  const result = await verifyAudit(ctx.baseDb);
  await recordAudit(ctx, { action: 'verify', resourceType: 'audit_trail', details: { ...result } });
  return result;
}
