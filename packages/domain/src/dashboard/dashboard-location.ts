import { permissionsAt, requirePermission } from '../access/index.ts';
import type { Ctx } from '../shared/context.ts';
import { AppError, notFound } from '../shared/errors.ts';

/**
 * The location the dashboard is for, with its zone; for every location (none named) the first
 * one's zone dates the figures, and the caller needs report:read across the practice. A
 * location of another practice, or one where the caller's roles do not reach: 404.
 */
export async function dashboardLocation(ctx: Ctx, locationId: string | undefined): Promise<{ locationId: string | null; zone: string }> {
  requirePermission(ctx, 'report:read');
  const actor = ctx.actor;
  let q = ctx.db
    .selectFrom('location_directory')
    .select(['id', 'time_zone'])
    .where('organization_id', '=', ctx.organizationId)
    .orderBy('active', 'desc')
    .orderBy('name')
    .limit(1);
  if (locationId) q = q.where('id', '=', locationId);
  const row = await q.executeTakeFirst();
  if (!row) throw notFound('location');
  if (actor.kind === 'user') {
    if (locationId && !permissionsAt(actor.roles, locationId).has('report:read')) throw notFound('location');
    if (!locationId && !permissionsAt(actor.roles, null).has('report:read')) {
      throw new AppError('FORBIDDEN', 'the whole practice’s dashboard needs report:read at every location; choose a location');
    }
  }
  return { locationId: locationId ?? null, zone: row.time_zone };
}
