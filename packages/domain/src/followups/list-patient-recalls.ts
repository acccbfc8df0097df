import { requirePatientAccess, requirePermission, todayAt } from '../access/index.ts';
import { recordAudit } from '../audit/index.ts';
import { type Ctx, inTransaction } from '../shared/context.ts';
import type { Recall } from './followups.schemas.ts';
import { selectRecalls, toRecall } from './recall-row.ts';

/** Every recall of one patient, whatever its status, by due date (the chart's list). */
export async function listPatientRecalls(ctx: Ctx, patientId: string): Promise<{ items: Recall[]; nextCursor: null }> {
  requirePermission(ctx, 'appointment:read');
  return inTransaction(ctx, async (tx) => {
    const access = await requirePatientAccess(tx, patientId, 'appointment:read');
    const rows = await selectRecalls(tx).where('r.patient_id', '=', patientId).orderBy('r.due_date').orderBy('r.id').limit(200).execute();
    await recordAudit(tx, {
      action: 'search',
      resourceType: 'recall',
      access,
      details: { status: 'any', count: rows.length, patientId },
    });
    const today = await todayAt(tx);
    return { items: rows.map((r) => toRecall(r, today)), nextCursor: null };
  });
}
