import { diffFields, recordAudit } from '../audit/index.ts';
import { requirePermission } from '../access/index.ts';
import { type Ctx, inTransaction } from '../shared/context.ts';
import { AppError } from '../shared/errors.ts';
import { loadItem, toItem } from './assignment-row.ts';
import type { TrainingItem, TrainingItemInput, TrainingItemPatch, TrainingItemQuery } from './training.schemas.ts';
import { keyset } from '../shared/cursor.ts';
import { sql } from 'kysely';

const titleTaken = () =>
  new AppError('ALREADY_EXISTS', 'a training item with this title exists', {
    errors: [{ path: 'title', message: 'Another item has this title.' }],
  });

/** Add a training item or a policy; `onboarding` puts it in the set every new account gets. */
export async function createTrainingItem(ctx: Ctx, input: TrainingItemInput): Promise<TrainingItem> {
  requirePermission(ctx, 'training:manage');
  return inTransaction(ctx, async (tx) => {
    const now = tx.clock.now();
    const row = await tx.db
      .insertInto('training_items')
      .values({
        organization_id: tx.organizationId,
        title: input.title,
        kind: input.kind,
        category: input.category,
        description: input.description,
        due_within_days: input.dueWithinDays,
        recurrence_months: input.recurrenceMonths,
        onboarding: input.onboarding,
        created_at: now,
        updated_at: now,
      })
      .onConflict((oc) => oc.columns(['organization_id', 'title']).doNothing())
      .returning('id')
      .executeTakeFirst();
    if (!row) throw titleTaken();
    await recordAudit(tx, { action: 'create', resourceType: 'training_item', resourceId: row.id, details: null });
    return loadItem(tx, row.id);
  });
}

/** Edit or retire (`active: false`) an item, with If-Match; open assignments stay. */
export async function updateTrainingItem(ctx: Ctx, id: string, patch: TrainingItemPatch, expectedVersion: number): Promise<TrainingItem> {
  requirePermission(ctx, 'training:manage');
  return inTransaction(ctx, async (tx) => {
    const current = await loadItem(tx, id);
    if (current.version !== expectedVersion)
      throw new AppError('VERSION_MISMATCH', `training item is at version ${current.version}`, { extra: { current } });
    const next = {
      title: patch.title ?? current.title,
      description: patch.description ?? current.description,
      due_within_days: patch.dueWithinDays ?? current.dueWithinDays,
      recurrence_months: patch.recurrenceMonths === undefined ? current.recurrenceMonths : patch.recurrenceMonths,
      onboarding: patch.onboarding ?? current.onboarding,
      active: patch.active ?? current.active,
    };
    if (next.title !== current.title) {
      const taken = await tx.db
        .selectFrom('training_items')
        .select('id')
        .where('organization_id', '=', tx.organizationId)
        .where('title', '=', next.title)
        .executeTakeFirst();
      if (taken) throw titleTaken();
    }
    await tx.db
      .updateTable('training_items')
      .set({ ...next, version: current.version + 1, updated_at: tx.clock.now() })
      .where('id', '=', id)
      .execute();
    await recordAudit(tx, {
      action: 'update',
      resourceType: 'training_item',
      resourceId: id,
      changes: diffFields(
        {
          title: current.title,
          description: current.description,
          dueWithinDays: current.dueWithinDays,
          recurrenceMonths: current.recurrenceMonths,
          onboarding: current.onboarding,
          active: current.active,
        },
        {
          title: next.title,
          description: next.description,
          dueWithinDays: next.due_within_days,
          recurrenceMonths: next.recurrence_months,
          onboarding: next.onboarding,
          active: next.active,
        },
      ),
      details: null,
    });
    return loadItem(tx, id);
  });
}

const itemKeys = keyset('text', 'uuid');

export async function listTrainingItems(ctx: Ctx, q: TrainingItemQuery): Promise<{ items: TrainingItem[]; nextCursor: string | null }> {
  requirePermission(ctx, 'training:read');
  let query = ctx.db.selectFrom('training_items').selectAll().where('organization_id', '=', ctx.organizationId);
  if (!q.includeInactive) query = query.where('active', '=', true);
  const c = itemKeys.decode(q.cursor);
  if (c) query = query.where(sql<boolean>`(title, id) > (${c[0]}::text, ${c[1]}::uuid)`);
  const rows = await query
    .orderBy('title')
    .orderBy('id')
    .limit(q.limit + 1)
    .execute();
  const { page, nextCursor } = itemKeys.page(rows, q.limit, (r) => [r.title, r.id]);
  return { items: page.map(toItem), nextCursor };
}
