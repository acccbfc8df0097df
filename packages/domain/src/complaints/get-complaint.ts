import { complaintPlace } from './complaint-scope.ts';
import { requirePatientAccess, requirePermission } from '../access/index.ts';
import { recordAudit } from '../audit/index.ts';
import { type Ctx, inTransaction } from '../shared/context.ts';
import { loadComplaint } from './complaint-row.ts';
import type { Complaint } from './complaints.schemas.ts';

/** One complaint (its version for If-Match), audited as a read. */
export async function getComplaint(ctx: Ctx, id: string): Promise<Complaint> {
  requirePermission(ctx, 'complaint:manage');
  return inTransaction(ctx, async (tx) => {
    const { today } = await complaintPlace(tx, 'complaint:manage', undefined);
    const complaint = await loadComplaint(tx, id, today);
    if (complaint.locationId) await complaintPlace(tx, 'complaint:manage', complaint.locationId);
    const access = complaint.patientId ? await requirePatientAccess(tx, complaint.patientId, 'complaint:manage') : undefined;
    await recordAudit(tx, { action: 'read', resourceType: 'complaint', resourceId: id, ...(access && { access }) });
    return complaint;
  });
}
