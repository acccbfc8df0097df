import { requirePatientAccess, requirePermission, actingLocation } from '../access/index.ts';
import { recordAudit } from '../audit/index.ts';
import { type Ctx, inTransaction } from '../shared/context.ts';
import { loadCall } from './call-row.ts';
import type { Call } from './calls.schemas.ts';

/** One call with its note (its version for If-Match), audited as a read. */
export async function getCall(ctx: Ctx, id: string): Promise<Call> {
  requirePermission(ctx, 'call:read');
  return inTransaction(ctx, async (tx) => {
    const call = await loadCall(tx, id);
    await actingLocation(tx, 'call:read', call.locationId);
    const access = call.patientId ? await requirePatientAccess(tx, call.patientId, 'call:read') : undefined;
    await recordAudit(tx, { action: 'read', resourceType: 'call', resourceId: id, ...(access && { access }) });
    return call;
  });
}
