import { requireActiveStaff } from '../identity/index.ts';
import { actingLocation } from '../access/index.ts';
import { diffFields, recordAudit } from '../audit/index.ts';
import { type Ctx, inTransaction } from '../shared/context.ts';
import { AppError, notFound } from '../shared/errors.ts';
import { loadProject } from './project-row.ts';
import type { Project, ProjectPatch } from './tasks.schemas.ts';

/**
 * Edit a project (a manager's at its location): name, description, owner, due date, or its
 * status (`done`, `archived`; `active` again). `expectedVersion` from If-Match: 412 when stale.
 */
export async function updateProject(ctx: Ctx, id: string, patch: ProjectPatch, expectedVersion: number): Promise<Project> {
  return inTransaction(ctx, async (tx) => {
    const current = await tx.db
      .selectFrom('projects')
      .selectAll()
      .where('id', '=', id)
      .where('organization_id', '=', tx.organizationId)
      .forUpdate()
      .executeTakeFirst();
    if (!current) throw notFound('project');
    await actingLocation(tx, 'task:manage', current.location_id);
    if (current.version !== expectedVersion) {
      throw new AppError('VERSION_MISMATCH', `project is at version ${current.version}`, { extra: { current: await loadProject(tx, id) } });
    }
    if (patch.ownerId !== undefined) await requireActiveStaff(tx, patch.ownerId, 'ownerId');
    const next = {
      name: patch.name ?? current.name,
      description: patch.description ?? current.description,
      owner_id: patch.ownerId !== undefined ? patch.ownerId : current.owner_id,
      due_on: patch.dueOn !== undefined ? patch.dueOn : current.due_on,
      status: patch.status ?? current.status,
    };
    const updated = await tx.db
      .updateTable('projects')
      .set({ ...next, version: current.version + 1, updated_at: tx.clock.now() })
      .where('id', '=', id)
      .where('organization_id', '=', tx.organizationId)
      .returning('id')
      .executeTakeFirst()
      .catch((e: unknown) => {
        if ((e as { code?: string }).code === '23505') {
          throw new AppError('ALREADY_EXISTS', 'an active project of this location has that name', {
            errors: [{ path: 'name', message: 'An active project of this location has that name.' }],
          });
        }
        throw e;
      });
    if (!updated) throw notFound('project');
    const before = {
      name: current.name,
      description: current.description,
      owner_id: current.owner_id,
      due_on: current.due_on,
      status: current.status,
    };
    await recordAudit(tx, { action: 'update', resourceType: 'project', resourceId: id, changes: diffFields(before, next) });
    return loadProject(tx, id);
  });
}
