import { type Permission, permissionsAt, ROLE_PERMISSIONS, requirePermission } from '../access/index.ts';
import { localDateOf } from '../scheduling/index.ts';
import type { Ctx } from '../shared/context.ts';
import { invalid, notFound } from '../shared/errors.ts';

/**
 * The location a complaint is logged at (named, else the one chosen in the app, else none) and
 * today's date there (the practice's first location without one). A role granted at one
 * location never acts at another: 404, as for another practice's location.
 */
export async function complaintPlace(
  tx: Ctx,
  permission: Permission,
  locationId: string | null | undefined,
): Promise<{ locationId: string | null; today: string }> {
  requirePermission(tx, permission);
  const wanted = locationId === undefined ? tx.locationId : locationId;
  let q = tx.db
    .selectFrom('location_directory')
    .select(['id', 'time_zone'])
    .where('organization_id', '=', tx.organizationId)
    .orderBy('active', 'desc')
    .orderBy('name')
    .limit(1);
  if (wanted) q = q.where('id', '=', wanted);
  const row = await q.executeTakeFirst();
  if (wanted && !row) throw notFound('location');
  if (wanted && tx.actor.kind === 'user' && !permissionsAt(tx.actor.roles, wanted).has(permission)) throw notFound('location');
  return { locationId: wanted ?? null, today: localDateOf(tx.clock.now().getTime(), row?.time_zone ?? 'UTC') };
}

/** Null: every location's complaints (a practice-wide role); else the locations where a role limited to one grants `permission`. */
export function readableLocations(tx: Ctx, permission: Permission): string[] | null {
  if (tx.actor.kind !== 'user') return null;
  const roles = tx.actor.roles.filter((r) => ROLE_PERMISSIONS[r.role].includes(permission));
  if (roles.some((r) => r.locationId === null)) return null;
  return roles.map((r) => r.locationId).filter((id): id is string => id !== null && id === tx.locationId);
}

/** An owner is an active staff member of the practice; anything else is a 400 naming the field. */
export async function checkOwner(tx: Ctx, userId: string | null | undefined): Promise<void> {
  if (!userId) return;
  const row = await tx.db
    .selectFrom('staff_directory')
    .select('id')
    .where('organization_id', '=', tx.organizationId)
    .where('id', '=', userId)
    .where('active', '=', true)
    .executeTakeFirst();
  if (!row) throw invalid('ownerId', 'Choose an active member of staff.');
}
