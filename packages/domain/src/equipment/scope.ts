import { type Permission, permissionsAt, ROLE_PERMISSIONS, requirePermission } from '../access/index.ts';
import type { Ctx } from '../shared/context.ts';
import { notFound } from '../shared/errors.ts';

/**
 * The location equipment is kept or looked at: the one named, else the desk's, else the
 * practice's first active one. The caller must hold `permission` there: a role granted at one
 * location never acts at another (404, as for another practice's location).
 */
export async function equipmentLocation(tx: Ctx, permission: Permission, locationId: string | null | undefined): Promise<string> {
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
  requireAt(tx, permission, row.id, 'location');
  return row.id;
}

/** 404 unless the caller holds `permission` at `locationId` (a practice-wide role or one granted there). */
export function requireAt(tx: Ctx, permission: Permission, locationId: string, what: string): void {
  if (tx.actor.kind === 'user' && !permissionsAt(tx.actor.roles, locationId).has(permission)) throw notFound(what);
}

/** The locations a list may show: null for all, else those where a location-limited role grants `permission`. */
export function readableLocations(tx: Ctx, permission: Permission): string[] | null {
  if (tx.actor.kind !== 'user') return null;
  const roles = tx.actor.roles.filter((r) => ROLE_PERMISSIONS[r.role].includes(permission));
  if (roles.some((r) => r.locationId === null)) return null;
  return roles.map((r) => r.locationId).filter((id): id is string => id !== null);
}

export const NOBODY = '00000000-0000-0000-0000-000000000000';
