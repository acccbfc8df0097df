import { permissionsAt } from '../access/index.ts';
import type { Ctx } from '../shared/context.ts';
import { AppError, invalid } from '../shared/errors.ts';
import type { TaskKind } from './tasks.tables.ts';

/**
 * Who may change a task: a manager (`task:manage` at its location) any of them; other staff
 * their own (assigned to them or made by them), the location's unassigned ones, and their
 * team's (assigned to someone holding one of the caller's roles there). Others: 403 (they may
 * see the task on the location's list, so it is not hidden).
 */
export async function requireTaskEditor(
  tx: Ctx,
  task: { location_id: string; assignee_id: string | null; created_by: string | null },
): Promise<void> {
  if (tx.actor.kind !== 'user') return;
  if (permissionsAt(tx.actor.roles, task.location_id).has('task:manage')) return;
  const me = tx.actor.userId;
  if (task.assignee_id === null || task.assignee_id === me || task.created_by === me) return;
  const myRoles = tx.actor.roles.filter((r) => r.locationId === null || r.locationId === task.location_id).map((r) => r.role);
  if (myRoles.length > 0) {
    const colleague = await tx.db
      .selectFrom('staff_roles')
      .select('user_id')
      .where('organization_id', '=', tx.organizationId)
      .where('user_id', '=', task.assignee_id)
      .where('role', 'in', myRoles)
      .where((eb) => eb.or([eb('location_id', 'is', null), eb('location_id', '=', task.location_id)]))
      .limit(1)
      .executeTakeFirst();
    if (colleague) return;
  }
  throw new AppError('FORBIDDEN', 'only the assignee, their team or a manager may change this task');
}

/** A project a task may join: active, of the practice; its location. A 400 naming the field otherwise. */
export async function checkProject(tx: Ctx, projectId: string, field = 'projectId'): Promise<{ locationId: string }> {
  const row = await tx.db
    .selectFrom('projects')
    .select(['location_id', 'status'])
    .where('organization_id', '=', tx.organizationId)
    .where('id', '=', projectId)
    .executeTakeFirst();
  if (row?.status !== 'active') throw invalid(field, 'Choose an active project.');
  return { locationId: row.location_id };
}

/** When a new task of this kind runs out of its service level (null: the practice set none). */
export async function slaDueAt(tx: Ctx, kind: TaskKind, from: Date): Promise<Date | null> {
  const row = await tx.db
    .selectFrom('task_slas')
    .select('hours')
    .where('organization_id', '=', tx.organizationId)
    .where('kind', '=', kind)
    .executeTakeFirst();
  return row ? new Date(from.getTime() + row.hours * 3_600_000) : null;
}

/** The due day from either of its names (`dueOn`, `dueDate`); both given and different: a 400 naming `dueDate`. */
export function dueDayOf<T extends string | null>(input: { dueOn?: T | undefined; dueDate?: T | undefined }): T | undefined {
  if (input.dueOn !== undefined && input.dueDate !== undefined && input.dueOn !== input.dueDate) {
    throw invalid('dueDate', 'dueDate and dueOn name the same day; send one of them.');
  }
  return input.dueOn !== undefined ? input.dueOn : input.dueDate;
}
