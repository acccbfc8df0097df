import { requirePermission } from '../access/index.ts';
import { type AuditVerification, recordAudit, verifyAudit } from '../audit/index.ts';
import type { Ctx } from '../shared/context.ts';

/**
 * Check the hash chain on behalf of a user; the check is audited. The chain is one for the
 * installation, so all of it is walked, but the answer counts and names only the caller's
 * organization's rows; a break anywhere else shows as `ok: false` without a seq
 * (audit/verify-audit.ts explains why it cannot be left out, and why nothing more is said).
 */
export async function verifyAuditTrail(ctx: Ctx): Promise<AuditVerification> {
  requirePermission(ctx, 'audit:read');
  // Its own repeatable-read snapshot, outside any request transaction.
  const result = await verifyAudit(ctx.baseDb, { organizationId: ctx.organizationId });
  await recordAudit(ctx, { action: 'verify', resourceType: 'audit_trail', details: { ...result } });
  return result;
}
