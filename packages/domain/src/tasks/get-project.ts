import { requirePermission, actingLocation } from '../access/index.ts';
import { type Ctx, inTransaction } from '../shared/context.ts';
import { loadProject } from './project-row.ts';
import type { Project } from './tasks.schemas.ts';

/** One project with its progress (0-100: the share of its tasks done) and task counts. */
export async function getProject(ctx: Ctx, id: string): Promise<Project> {
  requirePermission(ctx, 'task:read');
  return inTransaction(ctx, async (tx) => {
    const project = await loadProject(tx, id);
    await actingLocation(tx, 'task:read', project.locationId);
    return project;
  });
}
