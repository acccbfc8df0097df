import { requireActiveStaff } from '../identity/index.ts';
import { actingLocation } from '../access/index.ts';
import { recordAudit } from '../audit/index.ts';
import { actorUserId, type Ctx, inTransaction } from '../shared/context.ts';
import { AppError } from '../shared/errors.ts';
import { loadProject } from './project-row.ts';
import type { Project, ProjectInput } from './tasks.schemas.ts';

/** Start a project at a location (a manager's): its tasks are added with `projectId`. */
export async function createProject(ctx: Ctx, input: ProjectInput): Promise<Project> {
  return inTransaction(ctx, async (tx) => {
    const locationId = (await actingLocation(tx, 'task:manage', input.locationId)).id;
    await requireActiveStaff(tx, input.ownerId, 'ownerId');
    const now = tx.clock.now();
    const row = await tx.db
      .insertInto('projects')
      .values({
        organization_id: tx.organizationId,
        location_id: locationId,
        name: input.name,
        description: input.description,
        owner_id: input.ownerId ?? null,
        due_on: input.dueOn ?? null,
        created_by: actorUserId(tx),
        created_at: now,
        updated_at: now,
      })
      .onConflict((oc) => oc.doNothing())
      .returning('id')
      .executeTakeFirst();
    if (!row)
      throw new AppError('ALREADY_EXISTS', 'an active project of this location has that name', {
        errors: [{ path: 'name', message: 'An active project of this location has that name.' }],
      });
    await recordAudit(tx, { action: 'create', resourceType: 'project', resourceId: row.id });
    return loadProject(tx, row.id);
  });
}
