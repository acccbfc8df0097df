import { sql } from 'kysely';
import { requirePermission } from '../access/index.ts';
import type { Ctx } from '../shared/context.ts';
import type { WaitlistReport } from './waitlist.schemas.ts';

/** Offers made in [from, to) (all time without bounds) and how many freed slots the waitlist filled. */
export async function getWaitlistReport(ctx: Ctx, range: { from?: Date | undefined; to?: Date | undefined }): Promise<WaitlistReport> {
  requirePermission(ctx, 'report:read');
  let offers = ctx.db.selectFrom('waitlist_offers').where('organization_id', '=', ctx.organizationId);
  if (range.from) offers = offers.where('created_at', '>=', range.from);
  if (range.to) offers = offers.where('created_at', '<', range.to);
  const o = await offers
    .select([
      sql<number>`count(*)::int`.as('made'),
      sql<number>`count(*) filter (where status = 'accepted')::int`.as('accepted'),
      sql<number>`count(*) filter (where status = 'expired')::int`.as('expired'),
      sql<number>`count(*) filter (where status = 'withdrawn')::int`.as('withdrawn'),
      sql<number>`count(*) filter (where status = 'open')::int`.as('open'),
      sql<number>`count(distinct source_appointment_id)::int`.as('slots'),
      sql<number>`count(distinct source_appointment_id) filter (where status = 'accepted')::int`.as('filled'),
    ])
    .executeTakeFirstOrThrow();
  let staff = ctx.db
    .selectFrom('waitlist_entries as w')
    .where('w.organization_id', '=', ctx.organizationId)
    .where('w.status', '=', 'booked')
    .where(({ not, exists, selectFrom }) =>
      not(exists(selectFrom('waitlist_offers as o').select('o.id').whereRef('o.appointment_id', '=', 'w.appointment_id'))),
    );
  if (range.from) staff = staff.where('w.updated_at', '>=', range.from);
  if (range.to) staff = staff.where('w.updated_at', '<', range.to);
  const s = await staff.select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow();
  return {
    from: range.from?.toISOString() ?? null,
    to: range.to?.toISOString() ?? null,
    offersMade: o.made,
    accepted: o.accepted,
    expired: o.expired,
    withdrawn: o.withdrawn,
    open: o.open,
    slotsOffered: o.slots,
    slotsFilled: o.filled,
    fillRate: o.slots ? Math.round((o.filled / o.slots) * 1000) / 1000 : 0,
    bookedByStaff: s.n,
  };
}
