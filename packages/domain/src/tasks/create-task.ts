import { requireActiveStaff } from '../identity/index.ts';
import { requirePatientAccess, actingLocation } from '../access/index.ts';
import { recordAudit } from '../audit/index.ts';
import { actorUserId, type Ctx, inTransaction } from '../shared/context.ts';
import { invalid } from '../shared/errors.ts';
import { checkProject, dueDayOf, slaDueAt } from './task-refs.ts';
import { loadTask } from './task-row.ts';
import { type NewTask, type Task, taskInputSchema } from './tasks.schemas.ts';
import type { TaskKind } from './tasks.tables.ts';

/** The usual kind of a task made from another record, when the caller names none. */
const KIND_OF_SOURCE: Record<NonNullable<NewTask['source']>, TaskKind> = { call: 'callback', message: 'general', letter: 'general' };

/**
 * Make a task: by hand (POST /api/tasks), or from another module's record (a call's follow-up,
 * a staff message, a letter), inside that module's transaction when one is open. A task about
 * a patient needs access to the record and is audited with it.
 */
export async function createTask(ctx: Ctx, input: NewTask): Promise<Task> {
  const { source, sourceId, ...rest } = input;
  const fields = taskInputSchema.parse(rest);
  return inTransaction(ctx, async (tx) => {
    const project = fields.projectId ? await checkProject(tx, fields.projectId) : undefined;
    const locationId = (await actingLocation(tx, 'task:write', fields.locationId ?? project?.locationId)).id;
    if (project && project.locationId !== locationId) throw invalid('projectId', 'This project belongs to another location.');
    const kind = fields.kind ?? (source ? KIND_OF_SOURCE[source] : 'general');
    const access = fields.patientId ? await requirePatientAccess(tx, fields.patientId, 'task:write') : undefined;
    await requireActiveStaff(tx, fields.assigneeId, 'assigneeId');
    const now = tx.clock.now();
    const row = await tx.db
      .insertInto('tasks')
      .values({
        organization_id: tx.organizationId,
        location_id: locationId,
        title: fields.title,
        note: fields.note,
        assignee_id: fields.assigneeId ?? null,
        due_on: dueDayOf(fields) ?? null,
        priority: fields.priority,
        kind,
        project_id: fields.projectId ?? null,
        sla_due_at: await slaDueAt(tx, kind, now),
        patient_id: fields.patientId ?? null,
        source: source ?? 'manual',
        source_id: source ? (sourceId ?? null) : null,
        created_by: actorUserId(tx),
        created_at: now,
        updated_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await recordAudit(tx, {
      action: 'create',
      resourceType: 'task',
      resourceId: row.id,
      ...(access && { access }),
      details: { source: source ?? 'manual', ...(source && sourceId && { sourceId }) },
    });
    return loadTask(tx, row.id);
  });
}
