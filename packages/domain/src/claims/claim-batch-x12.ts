import { patientAccessMany, requirePermission } from '../access/index.ts';
import { recordAudit } from '../audit/index.ts';
import { type Ctx, inTransaction } from '../shared/context.ts';
import { notFound } from '../shared/errors.ts';

/**
 * A batch's 837P text as stored (its SHA-256 checked), audited as a read for each patient in it.
 * A batch holding a restricted patient the caller may not open: 404.
 */
export async function claimBatchX12(ctx: Ctx, id: string): Promise<{ x12: string; interchangeControlNumber: number }> {
  requirePermission(ctx, 'claim:read');
  if (!/^[0-9a-f-]{36}$/i.test(id)) throw notFound('claim batch');
  return inTransaction(ctx, async (tx) => {
    const batch = await tx.db
      .selectFrom('claim_batches')
      .select(['x12', 'sha256', 'interchange_control_number'])
      .where('id', '=', id)
      .where('organization_id', '=', tx.organizationId)
      .executeTakeFirst();
    if (!batch) throw notFound('claim batch');
    const patients = await tx.db
      .selectFrom('claims as c')
      .innerJoin('patient_names as p', 'p.id', 'c.patient_id')
      .select(['c.patient_id', 'p.restricted'])
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where('c.batch_id', '=', id)
      .where('c.organization_id', '=', tx.organizationId)
      .groupBy(['c.patient_id', 'p.restricted'])
      .execute();
    const access = await patientAccessMany(
      tx,
      patients.map((p) => ({ id: p.patient_id, restricted: p.restricted })),
    );
    if (patients.some((p) => !access.get(p.patient_id))) throw notFound('claim batch');
    for (const p of patients)
      await recordAudit(tx, {
        action: 'read',
        resourceType: 'claim_batch',
        resourceId: id,
        access: access.get(p.patient_id) ?? { patientId: p.patient_id, breakGlass: false },
        details: { batchId: id, claims: Number(p.n) },
      });
    return { x12: batch.x12, interchangeControlNumber: Number(batch.interchange_control_number) };
  });
}
