import { type Permission, permissionsAt, ROLE_PERMISSIONS, requirePermission } from '../access/index.ts';
import type { Ctx } from '../shared/context.ts';
import { invalid, notFound } from '../shared/errors.ts';

/**
 * The location a call is logged or read at: the one named, else the one chosen in the app,
 * else the practice's first active one. The caller must hold `permission` there: a role
 * granted at one location never acts at another (404, as for another practice's location).
 */
export async function callLocation(tx: Ctx, permission: Permission, locationId: string | null | undefined): Promise<string> {
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

/**
 * The locations whose calls a list may show: null for all (a practice-wide role, the system),
 * else those where a role limited to a location grants `permission` (and applies now).
 */
export function readableLocations(tx: Ctx, permission: Permission): string[] | null {
  if (tx.actor.kind !== 'user') return null;
  const roles = tx.actor.roles.filter((r) => ROLE_PERMISSIONS[r.role].includes(permission));
  if (roles.some((r) => r.locationId === null)) return null;
  return roles.map((r) => r.locationId).filter((id): id is string => id !== null && id === tx.locationId);
}

/** Whom a follow-up is for: an active staff member of the practice; anything else is a 400 naming `field`. */
export async function checkStaff(tx: Ctx, userId: string | null | undefined, field: string): Promise<void> {
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
