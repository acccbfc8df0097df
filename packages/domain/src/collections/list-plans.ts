import { requirePatientAccess, requirePermission } from '../access/index.ts';
import { recordAudit } from '../audit/index.ts';
import { type Ctx, inTransaction } from '../shared/context.ts';
import type { Plan } from './collections.schemas.ts';
import { loadPlans } from './plan-row.ts';

/** A patient's payment plans, newest first (at most 50), with their installments; audited. */
export async function listPlans(ctx: Ctx, patientId: string): Promise<{ items: Plan[]; nextCursor: null }> {
  requirePermission(ctx, 'collections:read');
  return inTransaction(ctx, async (tx) => {
    const access = await requirePatientAccess(tx, patientId, 'collections:read');
    const ids = await tx.db
      .selectFrom('payment_plans')
      .select('id')
      .where('organization_id', '=', tx.organizationId)
      .where('patient_id', '=', patientId)
      .orderBy('created_at', 'desc')
      .limit(50)
      .execute();
    const items = await loadPlans(
      tx,
      ids.map((r) => r.id),
    );
    await recordAudit(tx, { action: 'read', resourceType: 'payment_plan', access, details: { count: items.length } });
    return { items, nextCursor: null };
  });
}
