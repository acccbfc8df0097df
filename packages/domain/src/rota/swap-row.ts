import type { Ctx } from '../shared/context.ts';
import { notFound } from '../shared/errors.ts';
import type { Swap } from './rota.schemas.ts';
import { loadShift } from './shift-row.ts';

export function selectSwaps(ctx: Ctx) {
  return ctx.db
    .selectFrom('shift_swaps as w')
    .innerJoin('shifts as s', 's.id', 'w.shift_id')
    .innerJoin('staff_directory as r', 'r.id', 'w.requested_by')
    .innerJoin('staff_directory as t', 't.id', 'w.to_user_id')
    .where('w.organization_id', '=', ctx.organizationId)
    .selectAll('w')
    .select(['s.location_id', 'r.display_name as requested_by_name', 't.display_name as to_user_name']);
}

export type SwapRow = Awaited<ReturnType<ReturnType<typeof selectSwaps>['executeTakeFirstOrThrow']>>;

export async function toSwap(ctx: Ctx, r: SwapRow): Promise<Swap> {
  return {
    id: r.id,
    shiftId: r.shift_id,
    shift: await loadShift(ctx, r.shift_id),
    requestedBy: r.requested_by,
    requestedByName: r.requested_by_name,
    toUserId: r.to_user_id,
    toUserName: r.to_user_name,
    counterShiftId: r.counter_shift_id,
    note: r.note,
    status: r.status,
    decidedBy: r.decided_by,
    decidedAt: r.decided_at?.toISOString() ?? null,
    createdAt: r.created_at.toISOString(),
  };
}

export async function loadSwap(ctx: Ctx, id: string): Promise<Swap> {
  const row = await selectSwaps(ctx).where('w.id', '=', id).executeTakeFirst();
  if (!row) throw notFound('swap request');
  return toSwap(ctx, row);
}
