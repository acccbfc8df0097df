import { sql } from 'kysely';
import type { Ctx } from '../shared/context.ts';
import type { PaymentMethod } from './accounts.tables.ts';

export interface PaymentTotal {
  locationId: string;
  locationName: string;
  method: PaymentMethod;
  /** Who posted them (null: the system, or an account since removed). */
  userId: string | null;
  userName: string | null;
  count: number;
  amountCents: number;
  refundedCents: number;
}

/**
 * Patient payments of posting days `from`..`to` (inclusive) grouped by location, method and the
 * user who posted them: counts and cents, no patient in sight. One statement over the payments'
 * day index. No permission of its own: the finance reports check theirs.
 */
export async function paymentTotals(ctx: Ctx, q: { from: string; to: string; locationId?: string | undefined }): Promise<PaymentTotal[]> {
  const rows = await sql<{
    location_id: string;
    location_name: string | null;
    method: PaymentMethod;
    posted_by: string | null;
    user_name: string | null;
    n: string;
    amount: string;
    refunded: string;
  }>`
    select p.location_id, loc.name as location_name, p.method, p.posted_by, s.display_name as user_name,
      count(*)::text as n, sum(p.amount_cents)::text as amount, sum(p.refunded_cents)::text as refunded
    from payments p
    left join location_directory loc on loc.organization_id = p.organization_id and loc.id = p.location_id
    left join staff_directory s on s.organization_id = p.organization_id and s.id = p.posted_by
    where p.organization_id = ${ctx.organizationId}
      and p.posting_date between ${q.from}::date and ${q.to}::date
      ${q.locationId ? sql`and p.location_id = ${q.locationId}::uuid` : sql``}
    group by p.location_id, loc.name, p.method, p.posted_by, s.display_name
    order by loc.name, p.method, s.display_name nulls last
  `.execute(ctx.db);
  return rows.rows.map((r) => ({
    locationId: r.location_id,
    locationName: r.location_name ?? '',
    method: r.method,
    userId: r.posted_by,
    userName: r.user_name,
    count: Number(r.n),
    amountCents: Number(r.amount),
    refundedCents: Number(r.refunded),
  }));
}
