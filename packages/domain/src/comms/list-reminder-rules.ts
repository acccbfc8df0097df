import { requirePermission } from '../access/index.ts';
import type { Ctx } from '../shared/context.ts';
import type { ReminderRule } from './comms.schemas.ts';
import { toReminderRule } from './rule-row.ts';

/** The practice's reminder rules, earliest reminder first. */
export async function listReminderRules(ctx: Ctx): Promise<{ items: ReminderRule[]; nextCursor: null }> {
  requirePermission(ctx, 'schedule:manage');
  const rows = await ctx.db
    .selectFrom('reminder_rules')
    .selectAll()
    .where('organization_id', '=', ctx.organizationId)
    .orderBy('hours_before', 'desc')
    .execute();
  return { items: rows.map(toReminderRule), nextCursor: null };
}
