import { sql } from 'kysely';
import type { Ctx } from '../shared/context.ts';
import { notFound } from '../shared/errors.ts';
import type { Assignment, TrainingItem } from './training.schemas.ts';
import type { AssignmentSource, TrainingCategory, TrainingKind } from './training.tables.ts';

export function selectAssignments(tx: Ctx, today: string) {
  return tx.db
    .selectFrom('training_assignments as a')
    .innerJoin('training_items as i', 'i.id', 'a.item_id')
    .innerJoin('staff_directory as u', 'u.id', 'a.user_id')
    .select([
      'a.id',
      'a.item_id',
      'i.title as item_title',
      'i.kind',
      'i.category',
      'a.user_id',
      'u.display_name as user_name',
      'a.due_on',
      'a.source',
      'a.completed_on',
      'a.evidence',
      'a.version',
      sql<number>`case when a.completed_on is null then greatest(${today}::date - a.due_on, 0) else 0 end`.as('days_overdue'),
    ])
    .where('a.organization_id', '=', tx.organizationId);
}

type Row = {
  id: string;
  item_id: string;
  item_title: string;
  kind: TrainingKind;
  category: TrainingCategory;
  user_id: string;
  user_name: string;
  due_on: string;
  source: AssignmentSource;
  completed_on: string | null;
  evidence: string | null;
  version: number;
  days_overdue: number;
};

export function toAssignment(r: Row): Assignment {
  const daysOverdue = Number(r.days_overdue);
  return {
    id: r.id,
    itemId: r.item_id,
    itemTitle: r.item_title,
    kind: r.kind,
    category: r.category,
    userId: r.user_id,
    userName: r.user_name,
    dueOn: r.due_on,
    source: r.source,
    status: r.completed_on ? 'completed' : daysOverdue > 0 ? 'overdue' : 'open',
    daysOverdue,
    completedOn: r.completed_on,
    evidence: r.evidence,
    version: r.version,
  };
}

export async function loadAssignment(tx: Ctx, id: string, today: string): Promise<Assignment> {
  const row = await selectAssignments(tx, today).where('a.id', '=', id).executeTakeFirst();
  if (!row) throw notFound('assignment');
  return toAssignment(row as Row);
}

export function toItem(r: {
  id: string;
  title: string;
  kind: TrainingKind;
  category: TrainingCategory;
  description: string;
  due_within_days: number;
  recurrence_months: number | null;
  onboarding: boolean;
  active: boolean;
  version: number;
}): TrainingItem {
  return {
    id: r.id,
    title: r.title,
    kind: r.kind,
    category: r.category,
    description: r.description,
    dueWithinDays: r.due_within_days,
    recurrenceMonths: r.recurrence_months,
    onboarding: r.onboarding,
    active: r.active,
    version: r.version,
  };
}

export async function loadItem(tx: Ctx, id: string): Promise<TrainingItem> {
  const row = await tx.db
    .selectFrom('training_items')
    .selectAll()
    .where('organization_id', '=', tx.organizationId)
    .where('id', '=', id)
    .executeTakeFirst();
  if (!row) throw notFound('training item');
  return toItem(row);
}
