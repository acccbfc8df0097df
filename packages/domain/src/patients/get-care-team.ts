import { requirePatientAccess } from '../access/index.ts';
import { recordAudit } from '../audit/index.ts';
import { inTransaction, type Ctx } from '../shared/context.ts';
import { careTeamMembers } from './care-team-members.ts';
import type { CareTeamMember } from './patients.schemas.ts';

/** Who is on a patient's care team (audited as a read of the patient; the record itself must be open to the actor). */
export async function getCareTeam(ctx: Ctx, patientId: string): Promise<{ items: CareTeamMember[]; nextCursor: null }> {
  const access = await requirePatientAccess(ctx, patientId, 'patient:read');
  return inTransaction(ctx, async (tx) => {
    const items = await careTeamMembers(tx, patientId);
    await recordAudit(tx, { action: 'read', resourceType: 'care_team', resourceId: patientId, access, details: { count: items.length } });
    return { items, nextCursor: null };
  });
}
