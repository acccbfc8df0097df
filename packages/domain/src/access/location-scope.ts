/**
 * Where a role limited to a location acts: only there, and only while that location is the one
 * chosen (`x-location-id`). Modules whose records belong to a location decide a caller's reach
 * with these two (a practice-wide role and the system reach every location).
 */
import type { Ctx } from '../shared/context.ts';
import { type Permission, permissionsAt, ROLE_PERMISSIONS } from './permissions.ts';

/** Whether the caller holds `permission` at `locationId`: a practice-wide grant, or one at that location. */
export function holdsAt(ctx: Ctx, permission: Permission, locationId: string): boolean {
  if (ctx.actor.kind === 'system') return ctx.actor.permissions.has(permission);
  if (ctx.actor.kind !== 'user') return false;
  return permissionsAt(ctx.actor.roles, locationId).has(permission);
}

/**
 * The locations a list may show: null for all (a practice-wide role, the system), else the one
 * chosen when a role limited to it grants `permission` (else none).
 */
export function readableLocations(ctx: Ctx, permission: Permission): string[] | null {
  if (ctx.actor.kind !== 'user') return null;
  const roles = ctx.actor.roles.filter((r) => ROLE_PERMISSIONS[r.role].includes(permission));
  if (roles.some((r) => r.locationId === null)) return null;
  return roles.map((r) => r.locationId).filter((id): id is string => id !== null && id === ctx.locationId);
}
