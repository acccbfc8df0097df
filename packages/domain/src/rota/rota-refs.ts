/** What every rota use case checks first: the location (and the caller's permission there) and the people named. */
import { type Permission, permissionsAt, requirePermission } from '../access/index.ts';
import type { Ctx } from '../shared/context.ts';
import { invalid, notFound } from '../shared/errors.ts';

export interface RotaLocation {
  id: string;
  name: string;
  zone: string;
}

/** Whether the caller holds `permission` at `locationId` (a role granted at one location never acts at another). */
export function holdsAt(ctx: Ctx, permission: Permission, locationId: string): boolean {
  if (ctx.actor.kind === 'system') return ctx.actor.permissions.has(permission);
  if (ctx.actor.kind !== 'user') return false;
  return permissionsAt(ctx.actor.roles, locationId).has(permission);
}

/**
 * The location named (else the one chosen in the app, else the practice's first active one),
 * where the caller must hold `permission`. Another practice's location, or one where the
 * caller holds no such role, is a 400 naming `field` when it came in a body, else a 404.
 */
export async function rotaLocation(
  tx: Ctx,
  permission: Permission,
  locationId: string | undefined | null,
  field: string | null = 'locationId',
): Promise<RotaLocation> {
  requirePermission(tx, permission);
  let q = tx.db
    .selectFrom('location_directory')
    .select(['id', 'name', 'time_zone'])
    .where('organization_id', '=', tx.organizationId)
    .orderBy('active', 'desc')
    .orderBy('name')
    .limit(1);
  const wanted = locationId ?? tx.locationId;
  if (wanted) q = q.where('id', '=', wanted);
  const row = await q.executeTakeFirst();
  const refuse = () =>
    field && locationId ? invalid(field, 'Choose a location of this practice where you hold this role.') : notFound('location');
  if (!row) throw refuse();
  if (!holdsAt(tx, permission, row.id)) throw refuse();
  return { id: row.id, name: row.name, zone: row.time_zone };
}

/** A location of the practice by id, without a permission check (the caller checked one). */
export async function locationById(tx: Ctx, id: string): Promise<RotaLocation> {
  const row = await tx.db
    .selectFrom('location_directory')
    .select(['id', 'name', 'time_zone'])
    .where('organization_id', '=', tx.organizationId)
    .where('id', '=', id)
    .executeTakeFirst();
  if (!row) throw notFound('location');
  return { id: row.id, name: row.name, zone: row.time_zone };
}

/** An active member of staff of the practice, else a 400 naming `field`. Answers their name. */
export async function requireStaff(
  tx: Ctx,
  userId: string,
  field: string,
): Promise<{ id: string; name: string; providerId: string | null }> {
  const row = await tx.db
    .selectFrom('staff_directory')
    .select(['id', 'display_name', 'provider_id'])
    .where('organization_id', '=', tx.organizationId)
    .where('id', '=', userId)
    .where('active', '=', true)
    .executeTakeFirst();
  if (!row) throw invalid(field, 'Choose an active member of staff of this practice.');
  return { id: row.id, name: row.display_name, providerId: row.provider_id };
}

/** Whether the caller may read `locationId`'s rota: 404 otherwise. */
export async function readableLocation(tx: Ctx, locationId: string): Promise<RotaLocation> {
  return rotaLocation(tx, 'rota:read', locationId, null);
}

export const DAY_MS = 86_400_000;

/** Days from `from` to `to` inclusive, at most `max` of them (else a 400 naming `to`). */
export function daysOf(from: string, to: string, max = 31): string[] {
  if (to < from) throw invalid('to', 'The last day cannot be before the first.');
  const n = Math.round((Date.parse(to) - Date.parse(from)) / DAY_MS) + 1;
  if (n > max) throw invalid('to', `At most ${max} days at a time.`);
  return Array.from({ length: n }, (_, i) => new Date(Date.parse(from) + i * DAY_MS).toISOString().slice(0, 10));
}
