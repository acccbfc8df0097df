import { requirePatientAccess, requirePermission } from '../access/index.ts';
import { recordAudit } from '../audit/index.ts';
import { medicationsForRefill, type RefillMedication } from '../clinical/index.ts';
import { type Ctx, inTransaction } from '../shared/context.ts';

/** The practice's active staff to assign a thread to (names and linked providers only), by name. */
export async function listColleagues(
  ctx: Ctx,
): Promise<{ items: { id: string; name: string; providerId: string | null }[]; nextCursor: null }> {
  requirePermission(ctx, 'message:staff');
  const rows = await ctx.db
    .selectFrom('staff_directory')
    .select(['id', 'display_name', 'provider_id'])
    .where('organization_id', '=', ctx.organizationId)
    .where('active', '=', true)
    .orderBy('display_name')
    .orderBy('id')
    .limit(500)
    .execute();
  return { items: rows.map((r) => ({ id: r.id, name: r.display_name, providerId: r.provider_id })), nextCursor: null };
}

/** A patient's active medications a refill request may name, with their prescribers (audited with the patient). */
export async function listRefillMedications(ctx: Ctx, patientId: string): Promise<{ items: RefillMedication[]; nextCursor: null }> {
  requirePermission(ctx, 'message:staff');
  return inTransaction(ctx, async (tx) => {
    const access = await requirePatientAccess(tx, patientId, 'message:staff');
    const items = await medicationsForRefill(tx, patientId);
    await recordAudit(tx, { action: 'search', resourceType: 'refill_medication', access, details: { count: items.length } });
    return { items, nextCursor: null };
  });
}
