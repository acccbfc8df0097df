import { actingLocation, permissionsAt, placeOf, requirePermission } from '../access/index.ts';
import type { Ctx } from '../shared/context.ts';
import { AppError, notFound } from '../shared/errors.ts';

/**
 * The location the dashboard is for, with its zone; for every location (none named) the first
 * one's zone dates the figures, and the caller needs report:read across the practice. A
 * location of another practice, or one where the caller's roles do not reach: 404.
 */
export async function dashboardLocation(ctx: Ctx, locationId: string | undefined): Promise<{ locationId: string | null; zone: string }> {
  if (locationId) return { locationId, zone: (await actingLocation(ctx, 'report:read', locationId)).zone };
  requirePermission(ctx, 'report:read');
  if (ctx.actor.kind === 'user' && !permissionsAt(ctx.actor.roles, null).has('report:read')) {
    throw new AppError('FORBIDDEN', 'the whole practice’s dashboard needs report:read at every location; choose a location');
  }
  const first = await placeOf(ctx, null);
  if (!first) throw notFound('location');
  return { locationId: null, zone: first.zone };
}
