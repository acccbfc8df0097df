import { sql } from 'kysely';
import { requirePermission } from '../access/index.ts';
import { actorUserId, type Ctx, inTransaction } from '../shared/context.ts';
import { keyset } from '../shared/cursor.ts';
import { notFound } from '../shared/errors.ts';
import { holdsAt, readableLocation } from './rota-refs.ts';
import type { TimeOff, TimeOffQuery, TimeOffWithCollisions } from './rota.schemas.ts';
import { selectTimeOff, toTimeOff, withCollisions } from './time-off-row.ts';

const timeOffKeys = keyset('date', 'uuid');

/**
 * Time off by first day: one's own (`userId=me`), or a location's (its managers see everyone's;
 * others see their own only). Pending first is the caller's choice (`status=pending`).
 */
export async function listTimeOff(ctx: Ctx, q: TimeOffQuery): Promise<{ items: TimeOff[]; nextCursor: string | null }> {
  requirePermission(ctx, 'timeoff:request');
  return inTransaction(ctx, async (tx) => {
    const me = actorUserId(tx);
    let query = selectTimeOff(tx);
    if (q.status) query = query.where('t.status', '=', q.status);
    if (q.locationId) {
      const loc = await readableLocation(tx, q.locationId);
      query = query.where('t.location_id', '=', loc.id);
      if (!holdsAt(tx, 'staff:manage', loc.id)) query = query.where('t.user_id', '=', me ?? '00000000-0000-0000-0000-000000000000');
    } else {
      const mine = q.userId === 'me' || !q.userId ? me : q.userId;
      if (!mine) return { items: [], nextCursor: null };
      query = query.where('t.user_id', '=', mine);
    }
    if (q.userId && q.userId !== 'me') query = query.where('t.user_id', '=', q.userId);
    const c = timeOffKeys.decode(q.cursor);
    if (c) query = query.where(sql<boolean>`(t.start_date, t.id) > (${c[0]}::date, ${c[1]}::uuid)`);
    const rows = await query
      .orderBy('t.start_date')
      .orderBy('t.id')
      .limit(q.limit + 1)
      .execute();
    // Someone else's time off, outside a location's list: only to its location's managers.
    const visible = rows.filter((r) => r.user_id === me || holdsAt(tx, 'staff:manage', r.location_id));
    const { page, nextCursor } = timeOffKeys.page(visible, q.limit, (r) => [r.start_date, r.id]);
    return { items: page.map(toTimeOff), nextCursor };
  });
}

/** One time off with the visits it falls on now: its person, its requester, or a manager of its location. */
export async function getTimeOff(ctx: Ctx, id: string): Promise<TimeOffWithCollisions> {
  requirePermission(ctx, 'timeoff:request');
  return inTransaction(ctx, async (tx) => {
    const row = await selectTimeOff(tx).where('t.id', '=', id).executeTakeFirst();
    const me = actorUserId(tx);
    if (!row || (row.user_id !== me && row.requested_by !== me && !holdsAt(tx, 'staff:manage', row.location_id)))
      throw notFound('time off');
    return withCollisions(tx, toTimeOff(row));
  });
}

/** How many time-off requests wait for a decision (at a location, else every location the caller manages): the manager's dashboard. */
export async function pendingTimeOffCount(ctx: Ctx, locationId?: string): Promise<number> {
  return inTransaction(ctx, async (tx) => {
    let q = tx.db
      .selectFrom('time_off')
      .select(['location_id', (eb) => eb.fn.countAll<string>().as('n')])
      .where('organization_id', '=', tx.organizationId)
      .where('status', '=', 'pending')
      .groupBy('location_id');
    if (locationId) q = q.where('location_id', '=', locationId);
    const rows = await q.execute();
    return rows.filter((r) => holdsAt(tx, 'staff:manage', r.location_id)).reduce((n, r) => n + Number(r.n), 0);
  });
}

/**
 * The same count for a reader of the rota: requests waiting at the locations where the caller
 * holds `rota:read` (a count, no names). For the morning digest, whose purpose reads the rota
 * but manages nobody's staff.
 */
export async function pendingTimeOffTotal(ctx: Ctx, locationId?: string): Promise<number> {
  requirePermission(ctx, 'rota:read');
  return inTransaction(ctx, async (tx) => {
    let q = tx.db
      .selectFrom('time_off')
      .select(['location_id', (eb) => eb.fn.countAll<string>().as('n')])
      .where('organization_id', '=', tx.organizationId)
      .where('status', '=', 'pending')
      .groupBy('location_id');
    if (locationId) q = q.where('location_id', '=', locationId);
    const rows = await q.execute();
    return rows.filter((r) => holdsAt(tx, 'rota:read', r.location_id)).reduce((n, r) => n + Number(r.n), 0);
  });
}
