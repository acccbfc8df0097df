import { sql } from 'kysely';
import { actingLocation, locationsHolding, NOBODY, requirePermission } from '../access/index.ts';
import { type Ctx, inTransaction } from '../shared/context.ts';
import { keyset } from '../shared/cursor.ts';
import { selectProjects, toProject } from './project-row.ts';
import type { Project, ProjectQuery } from './tasks.schemas.ts';

const projectKeys = keyset('text', 'uuid');
/** Projects by name (active by default), at a location or at every location the caller may see tasks. */
export async function listProjects(ctx: Ctx, q: ProjectQuery): Promise<{ items: Project[]; nextCursor: string | null }> {
  requirePermission(ctx, 'task:read');
  return inTransaction(ctx, async (tx) => {
    let query = selectProjects(tx).where('pj.status', '=', q.status);
    if (q.locationId) query = query.where('pj.location_id', '=', (await actingLocation(tx, 'task:read', q.locationId)).id);
    else {
      const places = locationsHolding(tx, 'task:read');
      if (places) query = query.where('pj.location_id', 'in', places.length > 0 ? places : [NOBODY]);
    }
    const c = projectKeys.decode(q.cursor);
    if (c) query = query.where(sql<boolean>`(lower(pj.name), pj.id) > (${c[0]}, ${c[1]}::uuid)`);
    const rows = await query
      .orderBy(sql`lower(pj.name)`)
      .orderBy('pj.id')
      .limit(q.limit + 1)
      .execute();
    const { page, nextCursor } = projectKeys.page(rows, q.limit, (r) => [r.name.toLowerCase(), r.id]);
    return { items: page.map(toProject), nextCursor };
  });
}
