/** Handover notes at shift change: written by the outgoing person, acknowledged by the incoming one; every step audited. */
import { sql } from 'kysely';
import { recordAudit } from '../audit/index.ts';
import { actorUserId, type Ctx, inTransaction, requireUser } from '../shared/context.ts';
import { keyset } from '../shared/cursor.ts';
import { AppError, invalid, notFound } from '../shared/errors.ts';
import { loadHandover, selectHandovers, toHandover } from './handover-row.ts';
import { holdsAt, readableLocation, requireStaff, rotaLocation } from './rota-refs.ts';
import type { Handover, HandoverInput, HandoverQuery } from './rota.schemas.ts';

const handoverKeys = keyset('instant', 'uuid');

export async function createHandover(ctx: Ctx, input: HandoverInput): Promise<Handover> {
  return inTransaction(ctx, async (tx) => {
    const me = requireUser(tx).userId;
    const loc = await rotaLocation(tx, 'rota:read', input.locationId);
    if (input.toUserId) {
      if (input.toUserId === me) throw invalid('toUserId', 'Hand over to someone else.');
      await requireStaff(tx, input.toUserId, 'toUserId');
    }
    const row = await tx.db
      .insertInto('handovers')
      .values({
        organization_id: tx.organizationId,
        location_id: loc.id,
        written_by: me,
        to_user_id: input.toUserId ?? null,
        open_items: input.openItems,
        patients_waiting: input.patientsWaiting,
        tasks_due: input.tasksDue,
        written_at: tx.clock.now(),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await recordAudit(tx, { action: 'create', resourceType: 'handover', resourceId: row.id });
    return toHandover(await loadHandover(tx, row.id));
  });
}

/** A location's handover notes, newest first (`pending=true`: those not yet acknowledged). One audit row per page. */
export async function listHandovers(ctx: Ctx, q: HandoverQuery): Promise<{ items: Handover[]; nextCursor: string | null }> {
  return inTransaction(ctx, async (tx) => {
    const loc = await readableLocation(tx, q.locationId);
    let query = selectHandovers(tx).where('h.location_id', '=', loc.id);
    if (q.pending) query = query.where('h.acknowledged_at', 'is', null);
    const c = handoverKeys.decode(q.cursor);
    if (c) query = query.where(sql<boolean>`(h.written_at, h.id) < (${c[0]}, ${c[1]}::uuid)`);
    const rows = await query
      .orderBy('h.written_at', 'desc')
      .orderBy('h.id', 'desc')
      .limit(q.limit + 1)
      .execute();
    const { page, nextCursor } = handoverKeys.page(rows, q.limit, (r) => [r.written_at, r.id]);
    await recordAudit(tx, { action: 'search', resourceType: 'handover', details: { locationId: loc.id, count: page.length } });
    return { items: page.map(toHandover), nextCursor };
  });
}

export async function getHandover(ctx: Ctx, id: string): Promise<Handover> {
  return inTransaction(ctx, async (tx) => {
    const row = await loadHandover(tx, id);
    if (!holdsAt(tx, 'rota:read', row.location_id)) throw notFound('handover');
    await recordAudit(tx, { action: 'read', resourceType: 'handover', resourceId: id });
    return toHandover(row);
  });
}

/**
 * The incoming person acknowledges a handover: the one it names, or (naming nobody) anyone at
 * the location but its writer. Once only (409 after); audited.
 */
export async function acknowledgeHandover(ctx: Ctx, id: string): Promise<Handover> {
  return inTransaction(ctx, async (tx) => {
    const me = requireUser(tx).userId;
    const row = await tx.db
      .selectFrom('handovers')
      .selectAll()
      .where('organization_id', '=', tx.organizationId)
      .where('id', '=', id)
      .forUpdate()
      .executeTakeFirst();
    if (!row || !holdsAt(tx, 'rota:read', row.location_id)) throw notFound('handover');
    if (row.written_by === me) throw new AppError('FORBIDDEN', 'the incoming person acknowledges a handover, not its writer');
    if (row.to_user_id && row.to_user_id !== me) throw new AppError('FORBIDDEN', 'this handover is for someone else');
    if (row.acknowledged_at) throw new AppError('CONFLICT', 'already acknowledged');
    await tx.db
      .updateTable('handovers')
      .set({ acknowledged_by: actorUserId(tx), acknowledged_at: tx.clock.now() })
      .where('id', '=', id)
      .execute();
    await recordAudit(tx, { action: 'review', resourceType: 'handover', resourceId: id });
    return toHandover(await loadHandover(tx, id));
  });
}
