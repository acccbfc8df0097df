import { sql } from 'kysely';
import { mayOpenPatientSql, requirePermission, actingLocation } from '../access/index.ts';
import { recordAudit } from '../audit/index.ts';
import { requirePatientAccess } from '../access/index.ts';
import { actorUserId, type Ctx, inTransaction } from '../shared/context.ts';
import { keyset } from '../shared/cursor.ts';
import { selectTasks, toTask } from './task-row.ts';
import type { Task, TaskQuery } from './tasks.schemas.ts';

/** Tasks by due date (none last), then when they were made. */
const taskKeys = keyset('date', 'instant', 'uuid');
const NO_DUE_DATE = '9999-12-31';

/**
 * A task list: mine (`assignee=me`), someone's, a location's, a patient's, a project's, past
 * its service level; open and in progress by default.
 * Tasks about restricted patients the caller may not open are left out (a patient's own list
 * needs access to the record). One audit row per page.
 */
export async function listTasks(ctx: Ctx, q: TaskQuery): Promise<{ items: Task[]; nextCursor: string | null }> {
  requirePermission(ctx, 'task:read');
  return inTransaction(ctx, async (tx) => {
    const access = q.patientId ? await requirePatientAccess(tx, q.patientId, 'task:read') : undefined;
    const assignee = q.assignee === 'me' ? (actorUserId(tx) ?? '00000000-0000-0000-0000-000000000000') : q.assignee;
    let query = selectTasks(tx)
      .where('t.status', 'in', q.status === 'active' ? ['open', 'in_progress'] : [q.status])
      .where(sql<boolean>`(t.patient_id is null or ${mayOpenPatientSql(tx, 'p')})`);
    if (q.locationId) query = query.where('t.location_id', '=', (await actingLocation(tx, 'task:read', q.locationId)).id);
    if (assignee) query = query.where('t.assignee_id', '=', assignee);
    if (q.patientId) query = query.where('t.patient_id', '=', q.patientId);
    if (q.projectId) query = query.where('t.project_id', '=', q.projectId);
    if (q.kind) query = query.where('t.kind', '=', q.kind);
    if (q.slaBreached !== undefined) {
      const late = sql<boolean>`(t.sla_due_at is not null and coalesce(t.completed_at, ${tx.clock.now()}) > t.sla_due_at)`;
      query = query.where(q.slaBreached ? late : sql<boolean>`not ${late}`);
    }
    const due = sql`coalesce(t.due_on, ${NO_DUE_DATE}::date)`;
    const c = taskKeys.decode(q.cursor);
    if (c) query = query.where(sql<boolean>`(${due}, t.created_at, t.id) > (${c[0]}::date, ${c[1]}, ${c[2]}::uuid)`);
    const rows = await query
      .orderBy(due)
      .orderBy('t.created_at')
      .orderBy('t.id')
      .limit(q.limit + 1)
      .execute();
    const { page, nextCursor } = taskKeys.page(rows, q.limit, (r) => [r.due_on ?? NO_DUE_DATE, r.created_at, r.id]);
    await recordAudit(tx, {
      action: 'search',
      resourceType: 'task',
      ...(access && { access }),
      details: {
        status: q.status,
        count: page.length,
        ...(q.assignee && { assignee: q.assignee }),
        ...(q.locationId && { locationId: q.locationId }),
        ...(q.patientId && { patientId: q.patientId }),
        ...(q.projectId && { projectId: q.projectId }),
      },
    });
    const now = tx.clock.now();
    return { items: page.map((r) => toTask(r, now)), nextCursor };
  });
}
