import { requirePatientAccess } from '../access/index.ts';
import { recordAudit } from '../audit/index.ts';
import { inTransaction, type Ctx } from '../shared/context.ts';
import { toPatient } from './patient-row.ts';
import type { Patient } from './patients.schemas.ts';

/** Open one patient record (audited). A merged tombstone answers with `mergedIntoId` pointing to the survivor. */
export async function getPatient(ctx: Ctx, id: string): Promise<Patient> {
  const access = await requirePatientAccess(ctx, id, 'patient:read');
  return inTransaction(ctx, async (tx) => {
    const row = await tx.db
      .selectFrom('patients')
      .selectAll()
      .where('id', '=', id)
      .where('organization_id', '=', tx.organizationId)
      .executeTakeFirstOrThrow();
    await recordAudit(tx, { action: 'read', resourceType: 'patient', resourceId: id, patientId: id, breakGlass: access.breakGlass });
    return toPatient(row);
  });
}
