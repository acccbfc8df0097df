import { sql } from 'kysely';
import { requirePermission, locationsHolding, NOBODY } from '../access/index.ts';
import { type Ctx, inTransaction } from '../shared/context.ts';
import { UNANSWERED_OUTCOMES } from './calls.tables.ts';
import type { WaitingCalls } from './calls.schemas.ts';

/**
 * "Who called while I was out": how many calls wait for someone (open follow-ups) and how many
 * of them nobody answered, per user they are for (null: nobody yet) and per location. Counts
 * only, no names or notes, so no audit row.
 */
export async function waitingCalls(ctx: Ctx): Promise<WaitingCalls> {
  requirePermission(ctx, 'call:read');
  return inTransaction(ctx, async (tx) => {
    let base = tx.db.selectFrom('calls as c').where('c.organization_id', '=', tx.organizationId).where('c.follow_up', '=', 'open');
    const readable = locationsHolding(tx, 'call:read', { selectedOnly: true });
    if (readable) base = base.where('c.location_id', 'in', readable.length ? readable : [NOBODY]);
    const unanswered = sql<number>`count(*) filter (where c.outcome in (${sql.join([...UNANSWERED_OUTCOMES])}))::int`;
    const byUser = await base
      .leftJoin('staff_directory as s', 's.id', 'c.assigned_to')
      .select(['c.assigned_to', 's.display_name', sql<number>`count(*)::int`.as('follow_ups'), unanswered.as('unanswered')])
      .groupBy(['c.assigned_to', 's.display_name'])
      .orderBy('s.display_name')
      .execute();
    const byLocation = await base
      .innerJoin('location_directory as l', 'l.id', 'c.location_id')
      .select(['c.location_id', 'l.name', sql<number>`count(*)::int`.as('follow_ups'), unanswered.as('unanswered')])
      .groupBy(['c.location_id', 'l.name'])
      .orderBy('l.name')
      .execute();
    return {
      byUser: byUser.map((r) => ({
        userId: r.assigned_to,
        userName: r.display_name ?? null,
        followUps: r.follow_ups,
        unanswered: r.unanswered,
      })),
      byLocation: byLocation.map((r) => ({
        locationId: r.location_id,
        locationName: r.name,
        followUps: r.follow_ups,
        unanswered: r.unanswered,
      })),
    };
  });
}
