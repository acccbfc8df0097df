import { type Permission, placeOf, requireAt, requirePermission } from '../access/index.ts';
import type { Ctx } from '../shared/context.ts';
import { notFound } from '../shared/errors.ts';
import { localDateOf } from '../shared/local-time.ts';

/**
 * The location a complaint is logged at (named, else the one chosen in the app, else none: a
 * complaint may concern the whole practice) and today's date there (the practice's first
 * location without one). A role granted at one location never acts at another: 404, as for
 * another practice's location.
 */
export async function complaintPlace(
  tx: Ctx,
  permission: Permission,
  locationId: string | null | undefined,
): Promise<{ locationId: string | null; today: string }> {
  requirePermission(tx, permission);
  const wanted = locationId === undefined ? tx.locationId : locationId;
  const place = await placeOf(tx, wanted);
  if (wanted && !place) throw notFound('location');
  if (wanted) requireAt(tx, permission, wanted);
  return { locationId: wanted ?? null, today: localDateOf(tx.clock.now().getTime(), place?.zone ?? 'UTC') };
}
