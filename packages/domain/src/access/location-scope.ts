/**
 * Where a request acts, and where the caller's roles reach: one answer for every module.
 *
 * A role granted at one location never acts at another. So a use case that works at a location
 * asks `actingLocation` (the location named, else the one chosen in the app, else the practice's
 * first active one; 404 where the caller does not hold the permission, as for another practice's
 * location), and a list across locations asks `locationsHolding` which locations it may show.
 * `placeOf` and `todayAt` date things on a location's clock without a permission check.
 */
import type { Db } from '../shared/context.ts';
import type { Ctx } from '../shared/context.ts';
import { invalid, notFound } from '../shared/errors.ts';
import { localDateOf } from '../shared/local-time.ts';
import { type Permission, permissionsAt, ROLE_PERMISSIONS } from './permissions.ts';
import { requirePermission } from './require-permission.ts';

export interface Place {
  id: string;
  name: string;
  /** The location's IANA zone. */
  zone: string;
}

type Reader = Pick<Ctx, 'db' | 'organizationId' | 'locationId'>;

/**
 * A location of the practice: `locationId` when given; when undefined the one chosen in the app;
 * when null (or nothing chosen) the practice's first active one by name. Null when there is none
 * (an id of another practice, a practice without locations). No permission check.
 */
export async function placeOf(ctx: Reader, locationId?: string | null): Promise<Place | null> {
  return findPlace(ctx.db, ctx.organizationId, locationId === undefined ? ctx.locationId : locationId);
}

/** As `placeOf`, for callers holding a database handle rather than a request context. */
export async function findPlace(db: Db, organizationId: string, locationId: string | null): Promise<Place | null> {
  if (locationId && !/^[0-9a-f-]{36}$/i.test(locationId)) return null;
  let q = db
    .selectFrom('location_directory')
    .select(['id', 'name', 'time_zone'])
    .where('organization_id', '=', organizationId)
    .orderBy('active', 'desc')
    .orderBy('name')
    .limit(1);
  if (locationId) q = q.where('id', '=', locationId);
  const row = await q.executeTakeFirst();
  return row ? { id: row.id, name: row.name, zone: row.time_zone } : null;
}

/** Today's date (YYYY-MM-DD) on the clock of the location `placeOf` picks; UTC for a practice without locations. */
export async function todayAt(ctx: Reader & Pick<Ctx, 'clock'>, locationId?: string | null): Promise<string> {
  const place = await placeOf(ctx, locationId);
  return localDateOf(ctx.clock.now().getTime(), place?.zone ?? 'UTC');
}

/** Whether the caller holds `permission` at `locationId`: a user through the roles that apply there, the system through its purpose. */
export function holdsAt(ctx: Ctx, permission: Permission, locationId: string): boolean {
  if (ctx.actor.kind === 'system') return ctx.actor.permissions.has(permission);
  if (ctx.actor.kind !== 'user') return false;
  return permissionsAt(ctx.actor.roles, locationId).has(permission);
}

/**
 * 404 naming `what` unless a user caller holds `permission` at `locationId` (a record found by id
 * at a location the caller's roles do not reach). A system actor acts by its purpose, which was
 * checked where its work started.
 */
export function requireAt(ctx: Ctx, permission: Permission, locationId: string, what = 'location'): void {
  if (ctx.actor.kind === 'user' && !permissionsAt(ctx.actor.roles, locationId).has(permission)) throw notFound(what);
}

/**
 * The location a request acts at (`placeOf`: named, else chosen in the app, else the first
 * active), where the caller must hold `permission`. Refused with a 404, or, with `field`, a 400
 * naming that field when the location came in a request body.
 */
export async function actingLocation(
  ctx: Ctx,
  permission: Permission,
  locationId?: string | null,
  opts: { field?: string | null } = {},
): Promise<Place> {
  requirePermission(ctx, permission);
  const place = await placeOf(ctx, locationId ?? undefined);
  if (!place || !holdsAt(ctx, permission, place.id)) {
    throw opts.field && locationId
      ? invalid(opts.field, 'Choose a location of this practice where you hold this role.')
      : notFound('location');
  }
  return place;
}

/**
 * The locations whose records a list may show: null for every location (a practice-wide role
 * granting `permission`, or the system), else those where a role limited to one grants it. With
 * `selectedOnly`, only the location chosen in the app counts (lists that follow the desk's choice).
 */
export function locationsHolding(ctx: Ctx, permission: Permission, opts: { selectedOnly?: boolean } = {}): string[] | null {
  if (ctx.actor.kind !== 'user') return null;
  const roles = ctx.actor.roles.filter((r) => ROLE_PERMISSIONS[r.role].includes(permission));
  if (roles.some((r) => r.locationId === null)) return null;
  return roles.map((r) => r.locationId).filter((id): id is string => id !== null && (!opts.selectedOnly || id === ctx.locationId));
}

/** A uuid no row has: `where id in (NOBODY)` for a caller whose roles reach no location. */
export const NOBODY = '00000000-0000-0000-0000-000000000000';
