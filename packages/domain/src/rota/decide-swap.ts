import { recordAudit } from '../audit/index.ts';
import { actorUserId, type Ctx, inTransaction } from '../shared/context.ts';
import { AppError, notFound } from '../shared/errors.ts';
import { refuseShiftOnLeave } from './leave-mark.ts';
import { holdsAt, rotaLocation } from './rota-refs.ts';
import type { Decision, Swap } from './rota.schemas.ts';
import { loadSwap } from './swap-row.ts';

async function lockPending(tx: Ctx, id: string) {
  const row = await tx.db
    .selectFrom('shift_swaps as w')
    .innerJoin('shifts as s', 's.id', 'w.shift_id')
    .select([
      'w.id',
      'w.shift_id',
      'w.counter_shift_id',
      'w.requested_by',
      'w.to_user_id',
      'w.status',
      's.location_id',
      's.starts_at',
      's.ends_at',
    ])
    .where('w.organization_id', '=', tx.organizationId)
    .where('w.id', '=', id)
    .forUpdate()
    .executeTakeFirst();
  if (!row) throw notFound('swap request');
  return row;
}

/**
 * A manager of the shift's location approves (the shift, and the exchanged one, change hands)
 * or denies a pending swap. Nobody decides a swap they are part of (403). A change that would
 * put someone on two shifts at once, or on a shift on a day of their approved time off, is a
 * 409 and changes nothing.
 */
export async function decideSwap(ctx: Ctx, id: string, d: Decision): Promise<Swap> {
  return inTransaction(ctx, async (tx) => {
    const w = await lockPending(tx, id);
    if (!holdsAt(tx, 'rota:read', w.location_id)) throw notFound('swap request');
    await rotaLocation(tx, 'staff:manage', w.location_id, null);
    const me = actorUserId(tx);
    if (me && (me === w.requested_by || me === w.to_user_id)) {
      throw new AppError('FORBIDDEN', 'a swap you are part of is decided by another manager');
    }
    if (w.status !== 'pending') throw new AppError('CONFLICT', `the request is already ${w.status}`);
    const now = tx.clock.now();
    const status = d.decision === 'approve' ? 'approved' : 'denied';
    if (status === 'approved') {
      // Nobody takes a shift on a day of their approved time off.
      await refuseShiftOnLeave(tx, {
        userId: w.to_user_id,
        locationId: w.location_id,
        startsAt: w.starts_at,
        endsAt: w.ends_at,
        path: 'toUserId',
      });
      if (w.counter_shift_id) {
        const counter = await tx.db
          .selectFrom('shifts')
          .select(['location_id', 'starts_at', 'ends_at'])
          .where('organization_id', '=', tx.organizationId)
          .where('id', '=', w.counter_shift_id)
          .executeTakeFirstOrThrow();
        await refuseShiftOnLeave(tx, {
          userId: w.requested_by,
          locationId: counter.location_id,
          startsAt: counter.starts_at,
          endsAt: counter.ends_at,
          path: 'requestedBy',
        });
      }
      try {
        await tx.db
          .updateTable('shifts')
          .set((eb) => ({ user_id: w.to_user_id, version: eb('version', '+', 1), updated_at: now }))
          .where('id', '=', w.shift_id)
          .execute();
        if (w.counter_shift_id) {
          await tx.db
            .updateTable('shifts')
            .set((eb) => ({ user_id: w.requested_by, version: eb('version', '+', 1), updated_at: now }))
            .where('id', '=', w.counter_shift_id)
            .execute();
        }
      } catch (e) {
        if ((e as { code?: string }).code === '23P01') throw new AppError('CONFLICT', 'someone would work two shifts at once');
        throw e;
      }
      await recordAudit(tx, {
        action: 'update',
        resourceType: 'shift',
        resourceId: w.shift_id,
        changes: { user_id: { before: w.requested_by, after: w.to_user_id } },
      });
    }
    await tx.db.updateTable('shift_swaps').set({ status, decided_by: me, decided_at: now }).where('id', '=', id).execute();
    await recordAudit(tx, { action: 'review', resourceType: 'shift_swap', resourceId: id, details: { status } });
    return loadSwap(tx, id);
  });
}

/** The requester takes back a pending request. */
export async function withdrawSwap(ctx: Ctx, id: string): Promise<Swap> {
  return inTransaction(ctx, async (tx) => {
    const w = await lockPending(tx, id);
    if (w.requested_by !== actorUserId(tx)) throw notFound('swap request');
    if (w.status !== 'pending') throw new AppError('CONFLICT', `the request is already ${w.status}`);
    await tx.db.updateTable('shift_swaps').set({ status: 'withdrawn' }).where('id', '=', id).execute();
    await recordAudit(tx, { action: 'review', resourceType: 'shift_swap', resourceId: id, details: { status: 'withdrawn' } });
    return loadSwap(tx, id);
  });
}
