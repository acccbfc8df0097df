import type { Ctx } from '../shared/context.ts';
import { toAppointmentType } from './appointment-type-row.ts';
import type { AppointmentType } from './scheduling.schemas.ts';

/** One appointment type of the caller's organization (active or not), or null: for other modules' checks. */
export async function loadAppointmentType(ctx: Ctx, id: string): Promise<AppointmentType | null> {
  const row = await ctx.db
    .selectFrom('appointment_types')
    .selectAll()
    .where('organization_id', '=', ctx.organizationId)
    .where('id', '=', id)
    .executeTakeFirst();
  return row ? toAppointmentType(row) : null;
}
