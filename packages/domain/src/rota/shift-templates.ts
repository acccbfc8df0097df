/** Shift templates of a location: the shifts the rota is usually made of (Morning desk 07:30-16:00, Night call...). */
import { recordAudit } from '../audit/index.ts';
import { type Ctx, inTransaction } from '../shared/context.ts';
import { notFound } from '../shared/errors.ts';
import { readableLocation, rotaLocation } from './rota-refs.ts';
import type { ShiftTemplate, ShiftTemplateInput } from './rota.schemas.ts';
import { toShiftTemplate } from './shift-row.ts';

export async function createShiftTemplate(ctx: Ctx, input: ShiftTemplateInput): Promise<ShiftTemplate> {
  return inTransaction(ctx, async (tx) => {
    const loc = await rotaLocation(tx, 'staff:manage', input.locationId);
    const row = await tx.db
      .insertInto('shift_templates')
      .values({
        organization_id: tx.organizationId,
        location_id: loc.id,
        name: input.name,
        duty: input.duty,
        start_time: input.startTime,
        end_time: input.endTime,
        created_at: tx.clock.now(),
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    await recordAudit(tx, { action: 'create', resourceType: 'shift_template', resourceId: row.id });
    return toShiftTemplate(row);
  });
}

export async function listShiftTemplates(ctx: Ctx, locationId: string): Promise<{ items: ShiftTemplate[]; nextCursor: null }> {
  return inTransaction(ctx, async (tx) => {
    const loc = await readableLocation(tx, locationId);
    const rows = await tx.db
      .selectFrom('shift_templates')
      .selectAll()
      .where('organization_id', '=', tx.organizationId)
      .where('location_id', '=', loc.id)
      .where('active', '=', true)
      .orderBy('start_time')
      .orderBy('name')
      .limit(200)
      .execute();
    return { items: rows.map(toShiftTemplate), nextCursor: null };
  });
}

/** Retire a template: shifts made from it stay. */
export async function retireShiftTemplate(ctx: Ctx, id: string): Promise<void> {
  await inTransaction(ctx, async (tx) => {
    const row = await tx.db
      .selectFrom('shift_templates')
      .select(['id', 'location_id'])
      .where('organization_id', '=', tx.organizationId)
      .where('id', '=', id)
      .where('active', '=', true)
      .executeTakeFirst();
    if (!row) throw notFound('shift template');
    await rotaLocation(tx, 'staff:manage', row.location_id, null);
    await tx.db.updateTable('shift_templates').set({ active: false }).where('id', '=', id).execute();
    await recordAudit(tx, { action: 'delete', resourceType: 'shift_template', resourceId: id });
  });
}
