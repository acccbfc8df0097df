import { recordAudit } from '../audit/index.ts';
import { actorUserId, type Ctx, inTransaction } from '../shared/context.ts';
import { AppError, invalid, isUniqueViolation, notFound } from '../shared/errors.ts';
import { refuseShiftOnLeave } from './leave-mark.ts';
import { readableLocation, requireStaff } from './rota-refs.ts';
import type { Swap, SwapInput } from './rota.schemas.ts';
import { loadSwap } from './swap-row.ts';

/**
 * Ask to hand one's own shift to a colleague, or to exchange it for one of theirs; a manager of
 * the location approves it. Only the shift's own person asks (anyone else: 404), for a shift not
 * yet begun; one open request per shift (409); not to a colleague with approved time off on
 * the shift's days, nor for their shift on a day of one's own (409).
 */
export async function requestSwap(ctx: Ctx, shiftId: string, input: SwapInput): Promise<Swap> {
  return inTransaction(ctx, async (tx) => {
    const me = actorUserId(tx);
    const shift = await tx.db
      .selectFrom('shifts')
      .selectAll()
      .where('organization_id', '=', tx.organizationId)
      .where('id', '=', shiftId)
      .executeTakeFirst();
    if (!shift || shift.user_id !== me) throw notFound('shift');
    await readableLocation(tx, shift.location_id);
    if (shift.starts_at <= tx.clock.now()) throw new AppError('CONFLICT', 'the shift has begun');
    if (input.toUserId === me) throw invalid('toUserId', 'Choose a colleague.');
    await requireStaff(tx, input.toUserId, 'toUserId');
    // Nobody is handed a shift on a day of their approved time off (approval checks again).
    await refuseShiftOnLeave(tx, {
      userId: input.toUserId,
      locationId: shift.location_id,
      startsAt: shift.starts_at,
      endsAt: shift.ends_at,
      path: 'toUserId',
    });
    if (input.counterShiftId) {
      const counter = await tx.db
        .selectFrom('shifts')
        .select(['id', 'user_id', 'location_id', 'starts_at', 'ends_at'])
        .where('organization_id', '=', tx.organizationId)
        .where('id', '=', input.counterShiftId)
        .executeTakeFirst();
      if (!counter || counter.user_id !== input.toUserId || counter.starts_at <= tx.clock.now()) {
        throw invalid('counterShiftId', 'Choose a shift of that colleague that has not begun.');
      }
      await refuseShiftOnLeave(tx, {
        userId: me as string,
        locationId: counter.location_id,
        startsAt: counter.starts_at,
        endsAt: counter.ends_at,
        path: 'counterShiftId',
      });
    }
    let id: string;
    try {
      const row = await tx.db
        .insertInto('shift_swaps')
        .values({
          organization_id: tx.organizationId,
          shift_id: shiftId,
          requested_by: me as string,
          to_user_id: input.toUserId,
          counter_shift_id: input.counterShiftId ?? null,
          note: input.note,
          created_at: tx.clock.now(),
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      id = row.id;
    } catch (e) {
      if (isUniqueViolation(e)) throw new AppError('CONFLICT', 'this shift already has an open swap request');
      throw e;
    }
    await recordAudit(tx, { action: 'create', resourceType: 'shift_swap', resourceId: id, details: { shiftId } });
    return loadSwap(tx, id);
  });
}
