import { requireActiveStaff } from '../identity/index.ts';
import { requirePatientAccess, actingLocation } from '../access/index.ts';
import { diffFields, recordAudit } from '../audit/index.ts';
import { actorUserId, type Ctx, inTransaction } from '../shared/context.ts';
import { AppError } from '../shared/errors.ts';
import { emit } from '../shared/events.ts';
import { taskCompleted } from './task-events.ts';
import { invalid } from '../shared/errors.ts';
import { checkProject, dueDayOf, requireTaskEditor } from './task-refs.ts';
import { loadTask, lockTask } from './task-row.ts';
import type { Task, TaskPatch } from './tasks.schemas.ts';

/**
 * Edit a task: title, note, assignee, due date, priority, or its status (`done` completes it,
 * recording who and when, and emitting `task.completed`; `in_progress` marks it started; `open` reopens it).
 * Only the assignee, their team or a manager may change it (requireTaskEditor). `expectedVersion` comes from If-Match: 412
 * VERSION_MISMATCH (with the task as it now is) when someone changed it since.
 */
export async function updateTask(ctx: Ctx, id: string, patch: TaskPatch, expectedVersion: number): Promise<Task> {
  return inTransaction(ctx, async (tx) => {
    const current = await lockTask(tx, id);
    await actingLocation(tx, 'task:write', current.location_id);
    const access = current.patient_id ? await requirePatientAccess(tx, current.patient_id, 'task:write') : undefined;
    if (current.version !== expectedVersion) {
      throw new AppError('VERSION_MISMATCH', `task is at version ${current.version}`, { extra: { current: await loadTask(tx, id) } });
    }
    await requireTaskEditor(tx, current);
    if (patch.assigneeId !== undefined) await requireActiveStaff(tx, patch.assigneeId, 'assigneeId');
    if (patch.projectId) {
      const project = await checkProject(tx, patch.projectId);
      if (project.locationId !== current.location_id) throw invalid('projectId', 'This project belongs to another location.');
    }
    const dueDay = dueDayOf(patch);
    const now = tx.clock.now();
    const status = patch.status ?? current.status;
    const next = {
      title: patch.title ?? current.title,
      note: patch.note ?? current.note,
      assignee_id: patch.assigneeId !== undefined ? patch.assigneeId : current.assignee_id,
      due_on: dueDay !== undefined ? dueDay : current.due_on,
      priority: patch.priority ?? current.priority,
      kind: patch.kind ?? current.kind,
      project_id: patch.projectId !== undefined ? patch.projectId : current.project_id,
      status,
    };
    const wasDone = current.status === 'done';
    const completion =
      (status === 'done') === wasDone
        ? {}
        : status === 'done'
          ? { completed_at: now, completed_by: actorUserId(tx) }
          : { completed_at: null, completed_by: null };
    await tx.db
      .updateTable('tasks')
      .set({ ...next, ...completion, version: current.version + 1, updated_at: now })
      .where('id', '=', id)
      .where('organization_id', '=', tx.organizationId)
      .execute();
    const before = {
      title: current.title,
      note: current.note,
      assignee_id: current.assignee_id,
      due_on: current.due_on,
      priority: current.priority,
      kind: current.kind,
      project_id: current.project_id,
      status: current.status,
    };
    await recordAudit(tx, {
      action: 'update',
      resourceType: 'task',
      resourceId: id,
      ...(access && { access }),
      changes: diffFields(before, next),
    });
    if (status === 'done' && !wasDone) {
      await emit(tx, taskCompleted, { id, source: current.source, sourceId: current.source_id });
    }
    return loadTask(tx, id);
  });
}
