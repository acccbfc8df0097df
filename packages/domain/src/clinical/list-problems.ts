import { requirePatientAccess } from '../access/index.ts';
import { recordAudit } from '../audit/index.ts';
import { type Ctx, inTransaction } from '../shared/context.ts';
import type { Problem } from './clinical.schemas.ts';
import { toProblem } from './clinical-rows.ts';

/** A patient's problem list: active problems first, then resolved ones; oldest entry first within each (audited). */
export async function listProblems(ctx: Ctx, patientId: string): Promise<Problem[]> {
  const access = await requirePatientAccess(ctx, patientId, 'note:read');
  return inTransaction(ctx, async (tx) => {
    const rows = await tx.db
      .selectFrom('problems')
      .selectAll()
      .where('organization_id', '=', tx.organizationId)
      .where('patient_id', '=', patientId)
      .orderBy((eb) => eb.case().when('status', '=', 'active').then(0).else(1).end())
      .orderBy('created_at')
      .orderBy('id')
      .execute();
    await recordAudit(tx, { action: 'read', resourceType: 'problem', access, details: { count: rows.length } });
    return rows.map(toProblem);
  });
}
