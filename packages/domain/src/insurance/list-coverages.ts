import { requirePatientAccess } from '../access/index.ts';
import { recordAudit } from '../audit/index.ts';
import { inTransaction, type Ctx } from '../shared/context.ts';
import type { Coverage } from './insurance.schemas.ts';
import { toCoverage } from './payer-row.ts';

/** A patient's coverages, primary first then by effective date (audited as a read of the patient). */
export async function listCoverages(ctx: Ctx, patientId: string, opts: { includeInactive?: boolean } = {}): Promise<Coverage[]> {
  const access = await requirePatientAccess(ctx, patientId, 'patient:read');
  return inTransaction(ctx, async (tx) => {
    let q = tx.db
      .selectFrom('coverages as c')
      .innerJoin('payers as p', 'p.id', 'c.payer_id')
      .selectAll('c')
      .select('p.name as payer_name')
      .where('c.organization_id', '=', tx.organizationId)
      .where('c.patient_id', '=', patientId);
    if (!opts.includeInactive) q = q.where('c.active', '=', true);
    const rows = await q
      .orderBy((eb) => eb.case().when('c.priority', '=', 'primary').then(1).when('c.priority', '=', 'secondary').then(2).else(3).end())
      .orderBy('c.effective_date', 'desc')
      .execute();
    await recordAudit(tx, {
      action: 'read',
      resourceType: 'coverage',
      patientId,
      breakGlass: access.breakGlass,
      details: { count: rows.length },
    });
    return rows.map(toCoverage);
  });
}
