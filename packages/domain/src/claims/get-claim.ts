import { requirePatientAccess, requirePermission } from '../access/index.ts';
import { recordAudit } from '../audit/index.ts';
import { type Ctx, inTransaction } from '../shared/context.ts';
import { notFound } from '../shared/errors.ts';
import { loadClaim } from './claim-row.ts';
import type { Claim } from './claims.schemas.ts';

/** One claim with its lines, timeline, latest scrub and overrides (audited as a read of the patient's claim). */
export async function getClaim(ctx: Ctx, id: string): Promise<Claim> {
  requirePermission(ctx, 'claim:read');
  if (!/^[0-9a-f-]{36}$/i.test(id)) throw notFound('claim');
  return inTransaction(ctx, async (tx) => {
    const claim = await loadClaim(tx, id);
    const access = await requirePatientAccess(tx, claim.patientId, 'claim:read');
    await recordAudit(tx, { action: 'read', resourceType: 'claim', resourceId: id, access, details: null });
    return claim;
  });
}
