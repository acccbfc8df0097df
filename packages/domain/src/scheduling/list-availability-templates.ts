import type { Ctx } from '../shared/context.ts';
import type { AvailabilityException, Template } from './scheduling.schemas.ts';
import { toException, toTemplate } from './template-row.ts';

/** Weekly blocks, optionally of one provider and/or location. */
export async function listAvailabilityTemplates(ctx: Ctx, filter: { providerId?: string; locationId?: string } = {}): Promise<Template[]> {
  let q = ctx.db.selectFrom('availability_templates').selectAll().where('organization_id', '=', ctx.organizationId);
  if (filter.providerId) q = q.where('provider_id', '=', filter.providerId);
  if (filter.locationId) q = q.where('location_id', '=', filter.locationId);
  return (await q.orderBy('provider_id').orderBy('weekday').orderBy('start_time').execute()).map(toTemplate);
}

/** Exceptions touching the date range, optionally of one provider (including location-wide ones). */
export async function listAvailabilityExceptions(
  ctx: Ctx,
  filter: { providerId?: string; locationId?: string; from?: string; to?: string } = {},
): Promise<AvailabilityException[]> {
  let q = ctx.db.selectFrom('availability_exceptions').selectAll().where('organization_id', '=', ctx.organizationId);
  if (filter.providerId) q = q.where((eb) => eb.or([eb('provider_id', '=', filter.providerId as string), eb('provider_id', 'is', null)]));
  if (filter.locationId) q = q.where((eb) => eb.or([eb('location_id', '=', filter.locationId as string), eb('location_id', 'is', null)]));
  if (filter.from) q = q.where('end_date', '>=', filter.from);
  if (filter.to) q = q.where('start_date', '<=', filter.to);
  return (await q.orderBy('start_date').orderBy('start_time').limit(1000).execute()).map(toException);
}
