/** The query shapes shifts and templates are read with and their mapping to API objects. */
import type { Ctx } from '../shared/context.ts';
import { leaveOf } from './leave-mark.ts';
import { notFound } from '../shared/errors.ts';
import type { Shift, ShiftTemplate } from './rota.schemas.ts';
import type { ShiftTemplatesTable } from './rota.tables.ts';
import type { Selectable } from 'kysely';

export function selectShifts(ctx: Ctx) {
  return ctx.db
    .selectFrom('shifts as s')
    .innerJoin('staff_directory as u', 'u.id', 's.user_id')
    .leftJoin('shift_swaps as w', (j) => j.onRef('w.shift_id', '=', 's.id').on('w.status', '=', 'pending'))
    .where('s.organization_id', '=', ctx.organizationId)
    .selectAll('s')
    .select(['u.display_name as user_name', 'w.id as pending_swap_id', leaveOf('s').as('time_off_id')]);
}

export type ShiftRow = Awaited<ReturnType<ReturnType<typeof selectShifts>['executeTakeFirstOrThrow']>>;

export function toShift(r: ShiftRow): Shift {
  return {
    id: r.id,
    locationId: r.location_id,
    userId: r.user_id,
    userName: r.user_name,
    duty: r.duty,
    start: r.starts_at.toISOString(),
    end: r.ends_at.toISOString(),
    templateId: r.template_id,
    note: r.note,
    pendingSwapId: r.pending_swap_id ?? null,
    onLeave: r.time_off_id !== null,
    timeOffId: r.time_off_id,
    version: r.version,
  };
}

export async function loadShift(ctx: Ctx, id: string): Promise<Shift> {
  const row = await selectShifts(ctx).where('s.id', '=', id).executeTakeFirst();
  if (!row) throw notFound('shift');
  return toShift(row);
}

export function toShiftTemplate(r: Selectable<ShiftTemplatesTable>): ShiftTemplate {
  const startTime = r.start_time.slice(0, 5);
  const endTime = r.end_time.slice(0, 5);
  return {
    id: r.id,
    locationId: r.location_id,
    name: r.name,
    duty: r.duty,
    startTime,
    endTime,
    overnight: endTime <= startTime,
    active: r.active,
  };
}
