import type { Ctx } from '../shared/context.ts';
import { toAppointmentType } from './appointment-type-row.ts';
import type { AppointmentType } from './scheduling.schemas.ts';

/** The organization's appointment types, by name. */
export async function listAppointmentTypes(ctx: Ctx, opts: { includeInactive?: boolean } = {}): Promise<AppointmentType[]> {
  let q = ctx.db.selectFrom('appointment_types').selectAll().where('organization_id', '=', ctx.organizationId);
  if (!opts.includeInactive) q = q.where('active', '=', true);
  return (await q.orderBy('name').execute()).map(toAppointmentType);
}
