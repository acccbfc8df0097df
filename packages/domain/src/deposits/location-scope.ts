import { type Permission, permissionsAt, requirePermission } from '../access/index.ts';
import { localDateOf } from '../scheduling/index.ts';
import type { Ctx } from '../shared/context.ts';
import { notFound } from '../shared/errors.ts';

/**
 * The caller holds `permission` at `locationId` itself, not only at the location chosen in
 * the request: a role granted at one location never acts at another (404, as for a location
 * of another practice). Answers the location's time zone.
 */
export async function requireAtLocation(tx: Ctx, permission: Permission, locationId: string): Promise<{ timeZone: string; today: string }> {
  requirePermission(tx, permission);
  if (tx.actor.kind === 'user' && !permissionsAt(tx.actor.roles, locationId).has(permission)) throw notFound('location');
  const row = /^[0-9a-f-]{36}$/i.test(locationId)
    ? await tx.db
        .selectFrom('location_directory')
        .select('time_zone')
        .where('organization_id', '=', tx.organizationId)
        .where('id', '=', locationId)
        .executeTakeFirst()
    : undefined;
  if (!row) throw notFound('location');
  return { timeZone: row.time_zone, today: localDateOf(tx.clock.now().getTime(), row.time_zone) };
}
