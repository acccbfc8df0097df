import { requirePermission } from '../access/index.ts';
import { diffFields, recordAudit } from '../audit/index.ts';
import { type Ctx, inTransaction } from '../shared/context.ts';
import { AppError } from '../shared/errors.ts';
import { toAppointmentType, toAppointmentTypeColumns } from './appointment-type-row.ts';
import { requireProviders } from './check-references.ts';
import type { AppointmentType, AppointmentTypePatch } from './scheduling.schemas.ts';

/** Edit an appointment type. Existing bookings keep the times they were booked with. */
export async function updateAppointmentType(
  ctx: Ctx,
  id: string,
  patch: AppointmentTypePatch,
  expectedVersion: number,
): Promise<AppointmentType> {
  requirePermission(ctx, 'schedule:manage');
  return inTransaction(ctx, async (tx) => {
    const current = await tx.db
      .selectFrom('appointment_types')
      .selectAll()
      .where('id', '=', id)
      .where('organization_id', '=', tx.organizationId)
      .forUpdate()
      .executeTakeFirst();
    if (!current) throw new AppError('NOT_FOUND', 'appointment type not found');
    if (current.version !== expectedVersion) {
      throw new AppError('VERSION_MISMATCH', `appointment type is at version ${current.version}`, {
        extra: { current: toAppointmentType(current) },
      });
    }
    if (patch.providerIds) await requireProviders(tx, patch.providerIds);
    if (patch.name !== undefined && patch.name !== current.name) {
      const clash = await tx.db
        .selectFrom('appointment_types')
        .select('id')
        .where('organization_id', '=', tx.organizationId)
        .where('name', '=', patch.name)
        .executeTakeFirst();
      if (clash)
        throw new AppError('ALREADY_EXISTS', 'an appointment type with this name exists', {
          errors: [{ path: 'name', message: 'already in use' }],
        });
    }
    const row = await tx.db
      .updateTable('appointment_types')
      .set({ ...toAppointmentTypeColumns(patch), version: current.version + 1, updated_at: tx.clock.now() })
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow();
    const { version: _b, ...before } = toAppointmentType(current);
    const { version: _a, ...after } = toAppointmentType(row);
    await recordAudit(tx, { action: 'update', resourceType: 'appointment_type', resourceId: id, changes: diffFields(before, after) });
    return toAppointmentType(row);
  });
}
