import { requirePermission, todayAt } from '../access/index.ts';
import { recordAudit } from '../audit/index.ts';
import { activeStaffIds, type CreatedUser } from '../identity/index.ts';
import { addDays } from '../scheduling/index.ts';
import { actorUserId, type Ctx, inTransaction } from '../shared/context.ts';
import { AppError, invalid } from '../shared/errors.ts';
import { loadItem, selectAssignments, toAssignment } from './assignment-row.ts';
import type { AssignInput, AssignResult } from './training.schemas.ts';
import type { AssignmentSource } from './training.tables.ts';

/**
 * Write open assignments of `itemId` for `userIds` due `dueOn`; people who already have one
 * open keep it (the partial unique index decides, so two managers assigning at once add one).
 * Answers the ids of the new rows.
 */
async function insertAssignments(
  tx: Ctx,
  itemId: string,
  userIds: readonly string[],
  dueOn: string,
  source: AssignmentSource,
): Promise<string[]> {
  if (userIds.length === 0) return [];
  const now = tx.clock.now();
  const rows = await tx.db
    .insertInto('training_assignments')
    .values(
      userIds.map((userId) => ({
        organization_id: tx.organizationId,
        item_id: itemId,
        user_id: userId,
        due_on: dueOn,
        assigned_by: actorUserId(tx),
        source,
        created_at: now,
        updated_at: now,
      })),
    )
    .onConflict((oc) => oc.columns(['item_id', 'user_id']).where('completed_on', 'is', null).doNothing())
    .returning('id')
    .execute();
  if (rows.length > 0)
    await recordAudit(tx, { action: 'create', resourceType: 'training_assignment', details: { itemId, count: rows.length, source } });
  return rows.map((r) => r.id);
}

/** Assign an item to staff by a due date (default: today + the item's days). Unknown or inactive people: 400 naming `userIds.N`. */
export async function assignTraining(ctx: Ctx, input: AssignInput): Promise<AssignResult> {
  requirePermission(ctx, 'training:manage');
  return inTransaction(ctx, async (tx) => {
    const item = await loadItem(tx, input.itemId).catch(() => {
      throw invalid('itemId', 'Unknown training item.');
    });
    if (!item.active) throw new AppError('CONFLICT', 'this training item is retired');
    const known = new Set(await activeStaffIds(tx.db, tx.organizationId, input.userIds));
    const errors = input.userIds
      .map((id, i) => ({ id, i }))
      .filter(({ id }) => !known.has(id))
      .map(({ i }) => ({ path: `userIds.${i}`, message: 'Unknown or inactive staff member.' }));
    if (errors.length) throw new AppError('VALIDATION_FAILED', 'unknown staff member', { errors });
    const today = await todayAt(tx);
    const dueOn = input.dueOn ?? addDays(today, item.dueWithinDays);
    const userIds = [...new Set(input.userIds)];
    const ids = await insertAssignments(tx, item.id, userIds, dueOn, 'manual');
    const assigned = ids.length
      ? (await selectAssignments(tx, today).where('a.id', 'in', ids).orderBy('u.display_name').execute()).map(toAssignment)
      : [];
    const fresh = new Set(assigned.map((a) => a.userId));
    return { assigned, alreadyOpen: userIds.filter((id) => !fresh.has(id)) };
  });
}

/** The reaction to identity's `user.created`: the new account gets every active onboarding item, each due in its own days from today where they work. */
export async function assignOnboardingSet(tx: Ctx, user: CreatedUser): Promise<{ assigned: number }> {
  const items = await tx.db
    .selectFrom('training_items')
    .select(['id', 'due_within_days'])
    .where('organization_id', '=', tx.organizationId)
    .where('onboarding', '=', true)
    .where('active', '=', true)
    .execute();
  if (items.length === 0) return { assigned: 0 };
  // Due on the clock of where the new person works (a role granted at a location), else the desk's.
  const today = await todayAt(tx, user.roles.find((r) => r.locationId !== null)?.locationId ?? undefined);
  let assigned = 0;
  for (const item of items)
    assigned += (await insertAssignments(tx, item.id, [user.userId], addDays(today, item.due_within_days), 'onboarding')).length;
  return { assigned };
}

/** The next round of a recurring item, after a completion. */
export async function assignRecurrence(tx: Ctx, itemId: string, userId: string, dueOn: string): Promise<void> {
  await insertAssignments(tx, itemId, [userId], dueOn, 'recurrence');
}
