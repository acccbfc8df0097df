import { sql } from 'kysely';
import type { Ctx } from '../shared/context.ts';
import { AppError } from '../shared/errors.ts';

/** A provider works one block at a time: refuse a weekly block overlapping another (at any location). */
export async function assertNoTemplateOverlap(
  ctx: Ctx,
  t: { providerId: string; weekday: number; startTime: string; endTime: string; effectiveFrom: string; effectiveTo: string | null },
  exceptId?: string,
): Promise<void> {
  let q = ctx.db
    .selectFrom('availability_templates')
    .select('id')
    .where('organization_id', '=', ctx.organizationId)
    .where('provider_id', '=', t.providerId)
    .where('weekday', '=', t.weekday)
    .where('start_time', '<', t.endTime)
    .where('end_time', '>', t.startTime)
    .where('effective_from', '<=', t.effectiveTo ?? '9999-12-31')
    .where(sql<boolean>`coalesce(effective_to, '9999-12-31'::date) >= ${t.effectiveFrom}::date`);
  if (exceptId) q = q.where('id', '<>', exceptId);
  const clash = await q.executeTakeFirst();
  if (clash) throw new AppError('CONFLICT', 'overlaps another weekly block of this provider', { extra: { templateId: clash.id } });
}
