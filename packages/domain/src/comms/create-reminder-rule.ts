import { requirePermission } from '../access/index.ts';
import { recordAudit } from '../audit/index.ts';
import { type Ctx, inTransaction } from '../shared/context.ts';
import { AppError } from '../shared/errors.ts';
import type { ReminderRule, ReminderRuleInput } from './comms.schemas.ts';
import { toReminderRule } from './rule-row.ts';

/** "Remind N hours before": 409 ALREADY_EXISTS when the practice has that rule. */
export async function createReminderRule(ctx: Ctx, input: ReminderRuleInput): Promise<ReminderRule> {
  requirePermission(ctx, 'schedule:manage');
  return inTransaction(ctx, async (tx) => {
    const row = await tx.db
      .insertInto('reminder_rules')
      .values({ organization_id: tx.organizationId, hours_before: input.hoursBefore, channel: input.channel, active: input.active })
      .onConflict((oc) => oc.columns(['organization_id', 'channel', 'hours_before']).doNothing())
      .returningAll()
      .executeTakeFirst();
    if (!row) throw new AppError('ALREADY_EXISTS', `a ${input.hoursBefore} h ${input.channel} reminder exists`);
    await recordAudit(tx, {
      action: 'create',
      resourceType: 'reminder_rule',
      resourceId: row.id,
      details: { hoursBefore: row.hours_before },
    });
    return toReminderRule(row);
  });
}
