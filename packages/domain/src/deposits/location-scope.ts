import { actingLocation, type Permission } from '../access/index.ts';
import type { Ctx } from '../shared/context.ts';
import { localDateOf } from '../shared/local-time.ts';

/**
 * The caller holds `permission` at `locationId` itself, not only at the location chosen in
 * the request: a role granted at one location never acts at another (404, as for a location
 * of another practice). Answers the location's time zone and today's date there.
 */
export async function requireAtLocation(tx: Ctx, permission: Permission, locationId: string): Promise<{ timeZone: string; today: string }> {
  const place = await actingLocation(tx, permission, locationId);
  return { timeZone: place.zone, today: localDateOf(tx.clock.now().getTime(), place.zone) };
}
