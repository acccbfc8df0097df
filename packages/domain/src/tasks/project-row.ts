/** The one query shape projects are read with (task counts in one aggregate) and its mapping to the API object. */
import { sql } from 'kysely';
import type { Ctx } from '../shared/context.ts';
import { notFound } from '../shared/errors.ts';
import type { Project } from './tasks.schemas.ts';

export function selectProjects(ctx: Ctx) {
  const now = ctx.clock.now();
  return ctx.db
    .selectFrom('projects as pj')
    .innerJoin('location_directory as l', 'l.id', 'pj.location_id')
    .leftJoin('staff_directory as s', 's.id', 'pj.owner_id')
    .leftJoinLateral(
      (eb) =>
        eb
          .selectFrom('tasks as t')
          .whereRef('t.project_id', '=', 'pj.id')
          .where('t.organization_id', '=', ctx.organizationId)
          .select([
            sql<number>`count(*)::int`.as('total'),
            sql<number>`(count(*) filter (where t.status = 'open'))::int`.as('open'),
            sql<number>`(count(*) filter (where t.status = 'in_progress'))::int`.as('in_progress'),
            sql<number>`(count(*) filter (where t.status = 'done'))::int`.as('done'),
            sql<number>`(count(*) filter (where t.status <> 'done' and t.due_on < (${now}::timestamptz at time zone l.time_zone)::date))::int`.as(
              'overdue',
            ),
          ])
          .as('c'),
      (join) => join.onTrue(),
    )
    .where('pj.organization_id', '=', ctx.organizationId)
    .selectAll('pj')
    .select(['l.name as location_name', 's.display_name as owner_name', 'c.total', 'c.open', 'c.in_progress', 'c.done', 'c.overdue']);
}

export type ProjectRow = Awaited<ReturnType<ReturnType<typeof selectProjects>['executeTakeFirstOrThrow']>>;

/** Progress is the share of the project's tasks done, rounded down: 100 only when every one is. */
export function progressOf(done: number, total: number): number {
  return total === 0 ? 0 : Math.floor((100 * done) / total);
}

export function toProject(r: ProjectRow): Project {
  const total = r.total ?? 0;
  const done = r.done ?? 0;
  return {
    id: r.id,
    locationId: r.location_id,
    locationName: r.location_name,
    name: r.name,
    description: r.description,
    ownerId: r.owner_id,
    ownerName: r.owner_name ?? null,
    dueOn: r.due_on,
    status: r.status,
    progress: progressOf(done, total),
    tasks: { total, open: r.open ?? 0, inProgress: r.in_progress ?? 0, done, overdue: r.overdue ?? 0 },
    createdAt: r.created_at.toISOString(),
    version: r.version,
  };
}

export async function loadProject(ctx: Ctx, id: string): Promise<Project> {
  const row = await selectProjects(ctx).where('pj.id', '=', id).executeTakeFirst();
  if (!row) throw notFound('project');
  return toProject(row);
}
