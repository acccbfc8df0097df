import { sql } from 'kysely';
import { mayOpenPatientSql, requirePatientAccess, requirePermission, actingLocation, locationsHolding, NOBODY } from '../access/index.ts';
import { recordAudit } from '../audit/index.ts';
import { actorUserId, type Ctx, inTransaction } from '../shared/context.ts';
import { keyset } from '../shared/cursor.ts';
import { selectCalls, toCall } from './call-row.ts';
import { UNANSWERED_OUTCOMES } from './calls.tables.ts';
import type { Call, CallQuery } from './calls.schemas.ts';

const callKeys = keyset('instant', 'uuid');

/**
 * The call log, newest first: a patient's calls, the follow-ups waiting (`needsFollowUp`), the
 * unanswered ones, by location, by whose follow-up it is. Only locations where the caller holds
 * `call:read`; calls about restricted patients the caller may not open are left out (a patient's
 * own list needs access to the record). One audit row per page: the notes are PHI.
 */
export async function listCalls(ctx: Ctx, q: CallQuery): Promise<{ items: Call[]; nextCursor: string | null }> {
  requirePermission(ctx, 'call:read');
  return inTransaction(ctx, async (tx) => {
    const access = q.patientId ? await requirePatientAccess(tx, q.patientId, 'call:read') : undefined;
    let query = selectCalls(tx).where(sql<boolean>`(c.patient_id is null or ${mayOpenPatientSql(tx, 'p')})`);
    const readable = locationsHolding(tx, 'call:read', { selectedOnly: true });
    if (readable) query = query.where('c.location_id', 'in', readable.length ? readable : [NOBODY]);
    if (q.locationId) query = query.where('c.location_id', '=', (await actingLocation(tx, 'call:read', q.locationId)).id);
    if (q.patientId) query = query.where('c.patient_id', '=', q.patientId);
    if (q.needsFollowUp) query = query.where('c.follow_up', '=', 'open');
    if (q.unanswered) query = query.where('c.outcome', 'in', [...UNANSWERED_OUTCOMES]);
    if (q.direction) query = query.where('c.direction', '=', q.direction);
    if (q.assignedTo) query = query.where('c.assigned_to', '=', q.assignedTo === 'me' ? (actorUserId(tx) ?? NOBODY) : q.assignedTo);
    const c = callKeys.decode(q.cursor);
    if (c) query = query.where(sql<boolean>`(c.occurred_at, c.id) < (${c[0]}, ${c[1]}::uuid)`);
    const rows = await query
      .orderBy('c.occurred_at', 'desc')
      .orderBy('c.id', 'desc')
      .limit(q.limit + 1)
      .execute();
    const { page, nextCursor } = callKeys.page(rows, q.limit, (r) => [r.occurred_at, r.id]);
    await recordAudit(tx, {
      action: 'search',
      resourceType: 'call',
      ...(access && { access }),
      details: {
        count: page.length,
        ...(q.patientId && { patientId: q.patientId }),
        ...(q.needsFollowUp && { needsFollowUp: true }),
        ...(q.unanswered && { unanswered: true }),
        ...(q.locationId && { locationId: q.locationId }),
        ...(q.assignedTo && { assignedTo: q.assignedTo }),
      },
    });
    return { items: page.map(toCall), nextCursor };
  });
}
