import { requirePermission } from '../access/index.ts';
import { recordAudit } from '../audit/index.ts';
import { type Ctx, inTransaction } from '../shared/context.ts';
import { notFound } from '../shared/errors.ts';

/**
 * Remove a rule. A rule that already sent messages is deactivated instead, so the
 * message history keeps pointing at it.
 */
export async function deleteReminderRule(ctx: Ctx, id: string): Promise<void> {
  requirePermission(ctx, 'schedule:manage');
  await inTransaction(ctx, async (tx) => {
    const rule = await tx.db
      .selectFrom('reminder_rules')
      .select('id')
      .where('id', '=', id)
      .where('organization_id', '=', tx.organizationId)
      .forUpdate()
      .executeTakeFirst();
    if (!rule) throw notFound('reminder rule');
    const used = await tx.db.selectFrom('messages').select('id').where('rule_id', '=', id).limit(1).executeTakeFirst();
    if (used) await tx.db.updateTable('reminder_rules').set({ active: false }).where('id', '=', id).execute();
    else await tx.db.deleteFrom('reminder_rules').where('id', '=', id).execute();
    await recordAudit(tx, { action: 'delete', resourceType: 'reminder_rule', resourceId: id, details: { deactivated: Boolean(used) } });
  });
}
