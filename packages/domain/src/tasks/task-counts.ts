import { sql } from 'kysely';
import { requirePermission } from '../access/index.ts';
import type { Ctx } from '../shared/context.ts';

export interface TaskCounts {
  /** Not done (open or in progress). */
  open: number;
  inProgress: number;
  /** Not done and due before today at the task's location. */
  overdue: number;
  /** Not done after its service level ran out. */
  slaBreached: number;
}

/** The manager's dashboard tile: counts of the location's (or every location's) unfinished tasks. One aggregate. */
export async function taskCounts(ctx: Ctx, locationId?: string): Promise<TaskCounts> {
  requirePermission(ctx, 'task:read');
  const now = ctx.clock.now();
  let q = ctx.db
    .selectFrom('tasks as t')
    .innerJoin('location_directory as l', 'l.id', 't.location_id')
    .where('t.organization_id', '=', ctx.organizationId)
    .where('t.status', '<>', 'done')
    .select([
      sql<number>`count(*)::int`.as('open'),
      sql<number>`(count(*) filter (where t.status = 'in_progress'))::int`.as('in_progress'),
      sql<number>`(count(*) filter (where t.due_on < (${now}::timestamptz at time zone l.time_zone)::date))::int`.as('overdue'),
      sql<number>`(count(*) filter (where t.sla_due_at < ${now}))::int`.as('sla_breached'),
    ]);
  if (locationId) q = q.where('t.location_id', '=', locationId);
  const r = await q.executeTakeFirstOrThrow();
  return { open: r.open, inProgress: r.in_progress, overdue: r.overdue, slaBreached: r.sla_breached };
}
