import { requirePermission } from '../access/index.ts';
import { type Ctx, inTransaction } from '../shared/context.ts';

/** Who a task (or a call's follow-up) can be for: the practice's active staff, by name. No patient data. */
export async function listAssignees(ctx: Ctx): Promise<{ items: { id: string; name: string }[]; nextCursor: null }> {
  requirePermission(ctx, 'task:write');
  return inTransaction(ctx, async (tx) => {
    const rows = await tx.db
      .selectFrom('staff_directory')
      .select(['id', 'display_name'])
      .where('organization_id', '=', tx.organizationId)
      .where('active', '=', true)
      .orderBy('display_name')
      .orderBy('id')
      .limit(500)
      .execute();
    return { items: rows.map((r) => ({ id: r.id, name: r.display_name })), nextCursor: null };
  });
}
