import { can, requirePermission, todayAt } from '../access/index.ts';
import { recordAudit } from '../audit/index.ts';
import { actorUserId, type Ctx, inTransaction } from '../shared/context.ts';
import { AppError, invalid, notFound } from '../shared/errors.ts';
import { assignRecurrence } from './assign-training.ts';
import { loadAssignment, loadItem } from './assignment-row.ts';
import type { Assignment, CompleteInput } from './training.schemas.ts';

function addMonths(day: string, months: number): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const total = y * 12 + (m - 1) + months;
  const year = Math.floor(total / 12);
  const month = (total % 12) + 1;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${year}-${String(month).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}

/**
 * Complete one's own assignment (a manager may record anyone's) with the day it was done (not
 * in the future) and the evidence (required for training; a policy is acknowledged). A recurring
 * item assigns its next round, due that many months after the completion.
 */
export async function completeAssignment(ctx: Ctx, id: string, input: CompleteInput, expectedVersion?: number): Promise<Assignment> {
  requirePermission(ctx, 'training:read');
  return inTransaction(ctx, async (tx) => {
    const row = await tx.db
      .selectFrom('training_assignments')
      .selectAll()
      .where('organization_id', '=', tx.organizationId)
      .where('id', '=', id)
      .forUpdate()
      .executeTakeFirst();
    if (!row || (row.user_id !== actorUserId(tx) && !can(tx, 'training:manage'))) throw notFound('assignment');
    const today = await todayAt(tx);
    if (expectedVersion !== undefined && row.version !== expectedVersion)
      throw new AppError('VERSION_MISMATCH', `assignment is at version ${row.version}`, {
        extra: { current: await loadAssignment(tx, id, today) },
      });
    if (row.completed_on) throw new AppError('CONFLICT', 'this assignment is already completed');
    const item = await loadItem(tx, row.item_id);
    const completedOn = input.completedOn ?? today;
    if (completedOn > today) throw invalid('completedOn', 'A completion cannot be dated in the future.');
    const evidence = input.evidence || (item.kind === 'policy' ? 'Read and acknowledged' : '');
    if (!evidence) throw invalid('evidence', 'Say how it was completed (certificate, course, attendance).');
    await tx.db
      .updateTable('training_assignments')
      .set({ completed_on: completedOn, evidence, completed_at: tx.clock.now(), version: row.version + 1, updated_at: tx.clock.now() })
      .where('id', '=', id)
      .execute();
    const nextDueOn = item.recurrenceMonths && item.active ? addMonths(completedOn, item.recurrenceMonths) : undefined;
    if (nextDueOn) await assignRecurrence(tx, item.id, row.user_id, nextDueOn);
    await recordAudit(tx, {
      action: 'update',
      resourceType: 'training_assignment',
      resourceId: id,
      details: { completedOn, ...(nextDueOn && { nextDueOn }) },
    });
    return loadAssignment(tx, id, today);
  });
}
