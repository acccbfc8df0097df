import { requirePermission } from '../access/index.ts';
import { diffFields, recordAudit } from '../audit/index.ts';
import { type Ctx, inTransaction } from '../shared/context.ts';
import { AppError, invalid } from '../shared/errors.ts';
import type { Template, TemplatePatch } from './scheduling.schemas.ts';
import { assertNoTemplateOverlap } from './template-overlap.ts';
import { toTemplate } from './template-row.ts';

/** Change a weekly block. Booked appointments stay; availability follows the new hours. */
export async function updateAvailabilityTemplate(ctx: Ctx, id: string, patch: TemplatePatch, expectedVersion: number): Promise<Template> {
  requirePermission(ctx, 'schedule:manage');
  return inTransaction(ctx, async (tx) => {
    const current = await tx.db
      .selectFrom('availability_templates')
      .selectAll()
      .where('id', '=', id)
      .where('organization_id', '=', tx.organizationId)
      .forUpdate()
      .executeTakeFirst();
    if (!current) throw new AppError('NOT_FOUND', 'template not found');
    if (current.version !== expectedVersion)
      throw new AppError('VERSION_MISMATCH', `template is at version ${current.version}`, { extra: { current: toTemplate(current) } });
    const before = toTemplate(current);
    const next = { ...before, ...patch };
    if (next.startTime >= next.endTime) throw invalid('endTime', 'must be after startTime');
    if (next.effectiveTo !== null && next.effectiveTo < next.effectiveFrom) throw invalid('effectiveTo', 'before effectiveFrom');
    await assertNoTemplateOverlap(tx, next, id);
    const row = await tx.db
      .updateTable('availability_templates')
      .set({
        weekday: next.weekday,
        start_time: next.startTime,
        end_time: next.endTime,
        effective_from: next.effectiveFrom,
        effective_to: next.effectiveTo,
        version: current.version + 1,
      })
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow();
    const { version: _a, ...b } = before;
    const { version: _b, ...a } = toTemplate(row);
    await recordAudit(tx, { action: 'update', resourceType: 'availability_template', resourceId: id, changes: diffFields(b, a) });
    return toTemplate(row);
  });
}
