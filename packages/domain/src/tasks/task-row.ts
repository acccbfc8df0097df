/** The one query shape tasks are read with (names joined from the owners' views) and its mapping to the API object. */
import { sql } from 'kysely';
import { localDateOf } from '../scheduling/index.ts';
import type { Ctx } from '../shared/context.ts';
import { notFound } from '../shared/errors.ts';
import type { Task } from './tasks.schemas.ts';

export function selectTasks(ctx: Ctx) {
  return ctx.db
    .selectFrom('tasks as t')
    .innerJoin('location_directory as l', 'l.id', 't.location_id')
    .leftJoin('staff_directory as s', 's.id', 't.assignee_id')
    .leftJoin('patient_names as p', 'p.id', 't.patient_id')
    .leftJoin('projects as pr', 'pr.id', 't.project_id')
    .where('t.organization_id', '=', ctx.organizationId)
    .selectAll('t')
    .select([
      'l.name as location_name',
      'l.time_zone',
      's.display_name as assignee_name',
      sql<string | null>`p.given_name || ' ' || p.family_name`.as('patient_name'),
      'p.restricted as patient_restricted',
      'pr.name as project_name',
    ]);
}

export type TaskRow = Awaited<ReturnType<ReturnType<typeof selectTasks>['executeTakeFirstOrThrow']>>;

export function toTask(r: TaskRow, now: Date): Task {
  return {
    id: r.id,
    locationId: r.location_id,
    locationName: r.location_name,
    title: r.title,
    note: r.note,
    assigneeId: r.assignee_id,
    assigneeName: r.assignee_name ?? null,
    dueOn: r.due_on,
    dueDate: r.due_on,
    kind: r.kind,
    overdue: r.status !== 'done' && r.due_on !== null && r.due_on < localDateOf(now.getTime(), r.time_zone),
    priority: r.priority,
    status: r.status,
    projectId: r.project_id,
    projectName: r.project_name ?? null,
    slaDueAt: r.sla_due_at?.toISOString() ?? null,
    slaBreached: slaBreached(r, now),
    patientId: r.patient_id,
    patientName: r.patient_name ?? null,
    source: r.source,
    sourceId: r.source_id,
    completedAt: r.completed_at?.toISOString() ?? null,
    completedBy: r.completed_by,
    createdBy: r.created_by,
    createdAt: r.created_at.toISOString(),
    version: r.version,
  };
}

/** Past its service level: not done after the due time, or done after it. */
export function slaBreached(r: { sla_due_at: Date | null; completed_at: Date | null }, now: Date): boolean {
  if (!r.sla_due_at) return false;
  return (r.completed_at ?? now).getTime() > r.sla_due_at.getTime();
}

export async function loadTask(ctx: Ctx, id: string): Promise<Task> {
  const row = await selectTasks(ctx).where('t.id', '=', id).executeTakeFirst();
  if (!row) throw notFound('task');
  return toTask(row, ctx.clock.now());
}

/** Lock a task of the caller's organization for a change; NOT_FOUND otherwise. */
export async function lockTask(tx: Ctx, id: string) {
  const row = await tx.db
    .selectFrom('tasks')
    .selectAll()
    .where('id', '=', id)
    .where('organization_id', '=', tx.organizationId)
    .forUpdate()
    .executeTakeFirst();
  if (!row) throw notFound('task');
  return row;
}
