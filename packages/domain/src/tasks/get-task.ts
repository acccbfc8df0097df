import { requirePatientAccess, requirePermission, actingLocation } from '../access/index.ts';
import { recordAudit } from '../audit/index.ts';
import { type Ctx, inTransaction } from '../shared/context.ts';
import { loadTask } from './task-row.ts';
import type { Task } from './tasks.schemas.ts';

/** One task (its version for If-Match). A task about a patient the caller may not open is not found. */
export async function getTask(ctx: Ctx, id: string): Promise<Task> {
  requirePermission(ctx, 'task:read');
  return inTransaction(ctx, async (tx) => {
    const task = await loadTask(tx, id);
    await actingLocation(tx, 'task:read', task.locationId);
    if (task.patientId) {
      const access = await requirePatientAccess(tx, task.patientId, 'task:read');
      await recordAudit(tx, { action: 'read', resourceType: 'task', resourceId: id, access });
    }
    return task;
  });
}
