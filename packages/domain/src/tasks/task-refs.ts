import { type Permission, permissionsAt, requirePermission } from '../access/index.ts';
import type { Ctx } from '../shared/context.ts';
import { invalid, notFound } from '../shared/errors.ts';

/**
 * The location a task belongs to: the one named, else the one chosen in the app, else the
 * practice's first active one. The caller must hold `permission` there (a role granted at one
 * location never acts at another: 404, as for another practice's location).
 */
export async function taskLocation(tx: Ctx, permission: Permission, locationId: string | undefined): Promise<string> {
  requirePermission(tx, permission);
  let q = tx.db
    .selectFrom('location_directory')
    .select('id')
    .where('organization_id', '=', tx.organizationId)
    .orderBy('active', 'desc')
    .orderBy('name')
    .limit(1);
  const wanted = locationId ?? tx.locationId;
  if (wanted) q = q.where('id', '=', wanted);
  const row = await q.executeTakeFirst();
  if (!row) throw notFound('location');
  if (tx.actor.kind === 'user' && !permissionsAt(tx.actor.roles, row.id).has(permission)) throw notFound('location');
  return row.id;
}

/** An assignee is an active staff member of the practice; anything else is a 400 naming the field. */
export async function checkAssignee(tx: Ctx, userId: string | null | undefined, field = 'assigneeId'): Promise<void> {
  if (!userId) return;
  const row = await tx.db
    .selectFrom('staff_directory')
    .select('id')
    .where('organization_id', '=', tx.organizationId)
    .where('id', '=', userId)
    .where('active', '=', true)
    .executeTakeFirst();
  if (!row) throw invalid(field, 'Choose an active member of staff.');
}
