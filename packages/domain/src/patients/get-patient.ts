import { requirePatientAccess, requirePermission } from '../access/index.ts';
import { recordAudit } from '../audit/index.ts';
import { inTransaction, type Ctx } from '../shared/context.ts';
import { notFound } from '../shared/errors.ts';
import { toPatient } from './patient-row.ts';
import type { Patient } from './patients.schemas.ts';

/** Open one patient record (audited). A merged tombstone answers with `mergedIntoId` pointing to the survivor. */
export async function getPatient(ctx: Ctx, id: string): Promise<Patient> {
  requirePermission(ctx, 'patient:read');
  if (!/^[0-9a-f-]{36}$/i.test(id)) throw notFound('patient');
  return inTransaction(ctx, async (tx) => {
    // One read serves the access decision and the answer.
    const loaded = await tx.db
      .selectFrom('patients')
      .selectAll()
      .where('id', '=', id)
      .where('organization_id', '=', tx.organizationId)
      .executeTakeFirst();
    const access = await requirePatientAccess(tx, id, 'patient:read', { row: loaded });
    const row = loaded as NonNullable<typeof loaded>;
    await recordAudit(tx, { action: 'read', resourceType: 'patient', resourceId: id, patientId: id, breakGlass: access.breakGlass });
    return toPatient(row);
  });
}
