import { permissionsAt, requirePermission } from '../access/index.ts';
import { recordAudit } from '../audit/index.ts';
import { actorUserId, type Ctx, inTransaction } from '../shared/context.ts';
import { AppError } from '../shared/errors.ts';
import type { TaskSla } from './tasks.schemas.ts';
import { TASK_KINDS, type TaskKind } from './tasks.tables.ts';

/** Every kind of task with the practice's service level (hours to done; null: none). */
export async function listTaskSlas(ctx: Ctx): Promise<{ items: TaskSla[]; nextCursor: null }> {
  requirePermission(ctx, 'task:read');
  const rows = await ctx.db.selectFrom('task_slas').select(['kind', 'hours']).where('organization_id', '=', ctx.organizationId).execute();
  const hours = new Map(rows.map((r) => [r.kind, r.hours]));
  return { items: TASK_KINDS.map((kind) => ({ kind, hours: hours.get(kind) ?? null })), nextCursor: null };
}

/**
 * Set or remove a kind's service level (managers). New tasks of the kind get their due time
 * from it; tasks already made keep theirs (a level is a promise made when the task came in).
 */
export async function setTaskSla(ctx: Ctx, kind: TaskKind, hours: number | null): Promise<TaskSla> {
  requirePermission(ctx, 'task:manage');
  // Levels are the practice's, so they need a manager of every location.
  if (ctx.actor.kind === 'user' && !permissionsAt(ctx.actor.roles, null).has('task:manage')) {
    throw new AppError('FORBIDDEN', 'service levels are set by a manager of the whole practice');
  }
  return inTransaction(ctx, async (tx) => {
    if (hours === null) {
      await tx.db.deleteFrom('task_slas').where('organization_id', '=', tx.organizationId).where('kind', '=', kind).execute();
    } else {
      await tx.db
        .insertInto('task_slas')
        .values({ organization_id: tx.organizationId, kind, hours, updated_by: actorUserId(tx), updated_at: tx.clock.now() })
        .onConflict((oc) =>
          oc.columns(['organization_id', 'kind']).doUpdateSet({ hours, updated_by: actorUserId(tx), updated_at: tx.clock.now() }),
        )
        .execute();
    }
    await recordAudit(tx, { action: 'update', resourceType: 'task_sla', details: { kind, hours } });
    return { kind, hours };
  });
}
