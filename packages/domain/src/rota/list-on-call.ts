import { sql } from 'kysely';
import { requirePermission } from '../access/index.ts';
import { recordAudit } from '../audit/index.ts';
import { type Ctx, inTransaction } from '../shared/context.ts';
import { keyset } from '../shared/cursor.ts';
import { notFound } from '../shared/errors.ts';
import { loadOnCall, selectOnCall, toOnCall } from './on-call-row.ts';
import { holdsAt, readableLocation, rotaLocation } from './rota-refs.ts';
import type { OnCallNow, OnCallQuery, OnCallShift } from './rota.schemas.ts';

const onCallKeys = keyset('instant', 'uuid');

/** On-call shifts not yet over (or ending after `from`), by start: a location's, or a person's at the locations the caller may read. */
export async function listOnCall(ctx: Ctx, q: OnCallQuery): Promise<{ items: OnCallShift[]; nextCursor: string | null }> {
  requirePermission(ctx, 'rota:read');
  return inTransaction(ctx, async (tx) => {
    const from = q.from ? new Date(q.from) : tx.clock.now();
    let query = selectOnCall(tx).where('o.ends_at', '>', from);
    if (q.locationId) query = query.where('o.location_id', '=', (await readableLocation(tx, q.locationId)).id);
    if (q.userId) query = query.where('o.user_id', '=', q.userId);
    const c = onCallKeys.decode(q.cursor);
    if (c) query = query.where(sql<boolean>`(o.starts_at, o.id) > (${c[0]}, ${c[1]}::uuid)`);
    const rows = (
      await query
        .orderBy('o.starts_at')
        .orderBy('o.id')
        .limit(q.limit + 1)
        .execute()
    ).filter((r) => holdsAt(tx, 'rota:read', r.location_id));
    const { page, nextCursor } = onCallKeys.page(rows, q.limit, (r) => [r.starts_at, r.id]);
    return { items: page.map(toOnCall), nextCursor };
  });
}

/**
 * Who is on call now at a location (the one named, else the one chosen in the app, else the
 * practice's first): the primary, any backups, and the next primary to come on. The manager's
 * dashboard calls this.
 */
export async function onCallNow(ctx: Ctx, locationId?: string): Promise<OnCallNow> {
  return inTransaction(ctx, async (tx) => {
    const loc = await rotaLocation(tx, 'rota:read', locationId, null);
    const now = tx.clock.now();
    const current = await selectOnCall(tx)
      .where('o.location_id', '=', loc.id)
      .where('o.starts_at', '<=', now)
      .where('o.ends_at', '>', now)
      .orderBy('o.starts_at')
      .execute();
    const next = await selectOnCall(tx)
      .where('o.location_id', '=', loc.id)
      .where('o.tier', '=', 'primary')
      .where('o.starts_at', '>', now)
      .orderBy('o.starts_at')
      .limit(1)
      .executeTakeFirst();
    const primary = current.find((r) => r.tier === 'primary');
    return {
      locationId: loc.id,
      locationName: loc.name,
      at: now.toISOString(),
      primary: primary ? toOnCall(primary) : null,
      backup: current.filter((r) => r.tier === 'backup').map(toOnCall),
      nextPrimary: next ? toOnCall(next) : null,
    };
  });
}

/** Take an on-call shift off the rota (`staff:manage` at its location). */
export async function deleteOnCallShift(ctx: Ctx, id: string): Promise<void> {
  await inTransaction(ctx, async (tx) => {
    const shift = await loadOnCall(tx, id).catch(() => null);
    if (!shift || !holdsAt(tx, 'rota:read', shift.locationId)) throw notFound('on-call shift');
    await rotaLocation(tx, 'staff:manage', shift.locationId, null);
    await tx.db.deleteFrom('on_call_shifts').where('id', '=', id).where('organization_id', '=', tx.organizationId).execute();
    await recordAudit(tx, { action: 'delete', resourceType: 'on_call_shift', resourceId: id });
  });
}
