import { requirePatientAccess } from '../access/index.ts';
import { recordAudit } from '../audit/index.ts';
import { inTransaction, type Ctx } from '../shared/context.ts';
import { toDocument } from './document-row.ts';
import type { DocumentInfo } from './documents.schemas.ts';

/** A patient's documents, newest first (the list names them: audited as a read). */
export async function listDocuments(ctx: Ctx, patientId: string, opts: { coverageId?: string | undefined } = {}): Promise<DocumentInfo[]> {
  const access = await requirePatientAccess(ctx, patientId, 'document:read');
  return inTransaction(ctx, async (tx) => {
    let q = tx.db.selectFrom('documents').selectAll().where('organization_id', '=', tx.organizationId).where('patient_id', '=', patientId);
    if (opts.coverageId) q = q.where('coverage_id', '=', opts.coverageId);
    const rows = await q.orderBy('created_at', 'desc').orderBy('id').execute();
    await recordAudit(tx, {
      action: 'read',
      resourceType: 'document',
      patientId,
      breakGlass: access.breakGlass,
      details: { list: true, count: rows.length },
    });
    return rows.map(toDocument);
  });
}
