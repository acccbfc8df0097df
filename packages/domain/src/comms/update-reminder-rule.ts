import { requirePermission } from '../access/index.ts';
import { diffFields, recordAudit } from '../audit/index.ts';
import { type Ctx, inTransaction } from '../shared/context.ts';
import { AppError, notFound } from '../shared/errors.ts';
import type { ReminderRule, ReminderRulePatch } from './comms.schemas.ts';
import { isUniqueViolation, toReminderRule } from './rule-row.ts';

/**
 * Change the hours or pause a rule. Reminders already sent stay sent. A PATCH that names
 * no field changes nothing and answers the rule as it is (as every PATCH does).
 */
export async function updateReminderRule(ctx: Ctx, id: string, patch: ReminderRulePatch): Promise<ReminderRule> {
  requirePermission(ctx, 'schedule:manage');
  return inTransaction(ctx, async (tx) => {
    const before = await tx.db
      .selectFrom('reminder_rules')
      .selectAll()
      .where('id', '=', id)
      .where('organization_id', '=', tx.organizationId)
      .forUpdate()
      .executeTakeFirst();
    if (!before) throw notFound('reminder rule');
    const set = {
      ...(patch.hoursBefore !== undefined && { hours_before: patch.hoursBefore }),
      ...(patch.active !== undefined && { active: patch.active }),
    };
    // An UPDATE with an empty SET is a syntax error: nothing to change is a no-op, not a 500.
    if (Object.keys(set).length === 0) return toReminderRule(before);
    let row: typeof before;
    try {
      row = await tx.db.updateTable('reminder_rules').set(set).where('id', '=', id).returningAll().executeTakeFirstOrThrow();
    } catch (e) {
      if (isUniqueViolation(e)) throw new AppError('ALREADY_EXISTS', `a ${patch.hoursBefore} h reminder exists`);
      throw e;
    }
    await recordAudit(tx, {
      action: 'update',
      resourceType: 'reminder_rule',
      resourceId: id,
      changes: diffFields(toReminderRule(before), toReminderRule(row)),
    });
    return toReminderRule(row);
  });
}
