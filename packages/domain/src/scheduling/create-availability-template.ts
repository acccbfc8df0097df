import { requirePermission } from '../access/index.ts';
import { recordAudit } from '../audit/index.ts';
import { type Ctx, inTransaction } from '../shared/context.ts';
import { requireLocationZone, requireProviders } from './check-references.ts';
import type { Template, TemplateInput } from './scheduling.schemas.ts';
import { assertNoTemplateOverlap } from './template-overlap.ts';
import { toTemplate } from './template-row.ts';

/** Add a weekly block of working hours (local wall-clock times at the location). */
export async function createAvailabilityTemplate(ctx: Ctx, input: TemplateInput): Promise<Template> {
  requirePermission(ctx, 'schedule:manage');
  return inTransaction(ctx, async (tx) => {
    await requireProviders(tx, [input.providerId], 'providerId');
    await requireLocationZone(tx, input.locationId);
    await assertNoTemplateOverlap(tx, input);
    const row = await tx.db
      .insertInto('availability_templates')
      .values({
        organization_id: tx.organizationId,
        provider_id: input.providerId,
        location_id: input.locationId,
        weekday: input.weekday,
        start_time: input.startTime,
        end_time: input.endTime,
        effective_from: input.effectiveFrom,
        effective_to: input.effectiveTo,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    await recordAudit(tx, {
      action: 'create',
      resourceType: 'availability_template',
      resourceId: row.id,
      details: { providerId: row.provider_id },
    });
    return toTemplate(row);
  });
}
