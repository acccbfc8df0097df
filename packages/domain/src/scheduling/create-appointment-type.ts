import { requirePermission } from '../access/index.ts';
import { recordAudit } from '../audit/index.ts';
import { type Ctx, inTransaction } from '../shared/context.ts';
import { AppError } from '../shared/errors.ts';
import { toAppointmentType, toAppointmentTypeColumns } from './appointment-type-row.ts';
import { requireProviders } from './check-references.ts';
import type { AppointmentType, AppointmentTypeInput } from './scheduling.schemas.ts';

/** Add a kind of visit (duration, colour, resources, allowed providers, buffer, overbooking). */
export async function createAppointmentType(ctx: Ctx, input: AppointmentTypeInput): Promise<AppointmentType> {
  requirePermission(ctx, 'schedule:manage');
  return inTransaction(ctx, async (tx) => {
    await requireProviders(tx, input.providerIds);
    const clash = await tx.db
      .selectFrom('appointment_types')
      .select('id')
      .where('organization_id', '=', tx.organizationId)
      .where('name', '=', input.name)
      .executeTakeFirst();
    if (clash)
      throw new AppError('ALREADY_EXISTS', 'an appointment type with this name exists', {
        errors: [{ path: 'name', message: 'already in use' }],
      });
    const row = await tx.db
      .insertInto('appointment_types')
      .values({
        organization_id: tx.organizationId,
        name: input.name,
        duration_minutes: input.durationMinutes,
        ...toAppointmentTypeColumns(input),
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    await recordAudit(tx, { action: 'create', resourceType: 'appointment_type', resourceId: row.id, details: { name: row.name } });
    return toAppointmentType(row);
  });
}
