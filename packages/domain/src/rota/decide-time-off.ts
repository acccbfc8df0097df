import { recordAudit } from '../audit/index.ts';
import { deleteAvailabilityException } from '../scheduling/index.ts';
import { can } from '../access/index.ts';
import { actorUserId, type Ctx, inTransaction, systemCtx } from '../shared/context.ts';
import { AppError, notFound } from '../shared/errors.ts';
import { providerTimeOffException } from './provider-exception.ts';
import { holdsAt, rotaLocation } from './rota-refs.ts';
import type { Decision, TimeOffWithCollisions } from './rota.schemas.ts';
import { loadTimeOff, withCollisions } from './time-off-row.ts';

async function lockTimeOff(tx: Ctx, id: string) {
  const row = await tx.db
    .selectFrom('time_off')
    .selectAll()
    .where('organization_id', '=', tx.organizationId)
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();
  if (!row) throw notFound('time off');
  return row;
}

/**
 * A manager of the location approves or denies pending time off; nobody decides their own (403).
 * Approving a provider's creates scheduling's exception (the answer lists the visits it falls
 * on). `expectedVersion` from If-Match (412 when stale).
 */
export async function decideTimeOff(ctx: Ctx, id: string, d: Decision, expectedVersion: number): Promise<TimeOffWithCollisions> {
  return inTransaction(ctx, async (tx) => {
    const t = await lockTimeOff(tx, id);
    const me = actorUserId(tx);
    if (t.user_id !== me && !holdsAt(tx, 'staff:manage', t.location_id)) throw notFound('time off');
    await rotaLocation(tx, 'staff:manage', t.location_id, null);
    if (me && (t.user_id === me || t.requested_by === me))
      throw new AppError('FORBIDDEN', 'time off is approved by another manager, never its own requester');
    if (t.version !== expectedVersion) {
      throw new AppError('VERSION_MISMATCH', `time off is at version ${t.version}`, { extra: { current: await loadTimeOff(tx, id) } });
    }
    if (t.status !== 'pending') throw new AppError('CONFLICT', `the time off is already ${t.status}`);
    const now = tx.clock.now();
    const status = d.decision === 'approve' ? 'approved' : 'denied';
    let known: Awaited<ReturnType<typeof providerTimeOffException>> | undefined;
    if (status === 'approved' && t.provider_id) known = await providerTimeOffException(tx, { ...t, provider_id: t.provider_id });
    await tx.db
      .updateTable('time_off')
      .set({
        status,
        decided_by: me,
        decided_at: now,
        decision_note: d.note,
        exception_id: known?.id ?? null,
        version: t.version + 1,
        updated_at: now,
      })
      .where('id', '=', id)
      .execute();
    await recordAudit(tx, {
      action: 'update',
      resourceType: 'time_off',
      resourceId: id,
      changes: { status: { before: t.status, after: status } },
      details: { status, ...(known && { exceptionId: known.id }) },
    });
    const out = await loadTimeOff(tx, id);
    return withCollisions(tx, out, known ? { items: known.collisions, truncated: known.collisionsTruncated } : undefined);
  });
}

/**
 * Call time off off: its person (or whoever asked for it) while it is pending or approved, or a
 * manager of the location. An approved provider's exception is removed: their hours apply again.
 */
export async function cancelTimeOff(ctx: Ctx, id: string, expectedVersion: number): Promise<TimeOffWithCollisions> {
  return inTransaction(ctx, async (tx) => {
    const t = await lockTimeOff(tx, id);
    const me = actorUserId(tx);
    const mine = me !== null && (t.user_id === me || t.requested_by === me);
    if (!mine && !holdsAt(tx, 'staff:manage', t.location_id)) throw notFound('time off');
    if (!mine) await rotaLocation(tx, 'staff:manage', t.location_id, null);
    if (t.version !== expectedVersion) {
      throw new AppError('VERSION_MISMATCH', `time off is at version ${t.version}`, { extra: { current: await loadTimeOff(tx, id) } });
    }
    if (t.status !== 'pending' && t.status !== 'approved') throw new AppError('CONFLICT', `the time off is already ${t.status}`);
    const now = tx.clock.now();
    await tx.db
      .updateTable('time_off')
      .set({ status: 'cancelled', decided_at: now, exception_id: null, version: t.version + 1, updated_at: now })
      .where('id', '=', id)
      .execute();
    if (t.exception_id) {
      // The approval made it; calling one's own time off off undoes it even without schedule:manage.
      const by = can(tx, 'schedule:manage')
        ? tx
        : systemCtx(tx.db, tx.clock, tx.organizationId, 'time-off-cancel', tx.requestId, {
            baseDb: tx.baseDb,
            ip: tx.ip,
            userAgent: tx.userAgent,
          });
      await deleteAvailabilityException(by, t.exception_id);
    }
    await recordAudit(tx, {
      action: 'update',
      resourceType: 'time_off',
      resourceId: id,
      changes: { status: { before: t.status, after: 'cancelled' } },
      details: { status: 'cancelled' },
    });
    return withCollisions(tx, await loadTimeOff(tx, id));
  });
}
