import { sql } from 'kysely';
import type { Ctx } from '../shared/context.ts';
import { ACCOUNT_CODE } from './accounts.ts';

/**
 * Gross charges of a window: revenue credited by charge entries less what charge voids took back,
 * posting dates `from`..`to` (inclusive), at one location when asked (charges carry theirs).
 * One statement over the date index.
 */
export async function netCharges(ctx: Ctx, q: { from: string; to: string; locationId?: string | undefined }): Promise<number> {
  const r = await sql<{ cents: string | null }>`
    select sum(l.credit_cents - l.debit_cents)::text as cents
    from journal_entries e
    join journal_lines l on l.organization_id = e.organization_id and l.entry_id = e.id
    where e.organization_id = ${ctx.organizationId}
      and e.posting_date between ${q.from}::date and ${q.to}::date
      and e.kind in ('charge', 'charge_void')
      and l.account_code = ${ACCOUNT_CODE.revenue}
      ${q.locationId ? sql`and e.location_id = ${q.locationId}::uuid` : sql``}
  `.execute(ctx.db);
  return Number(r.rows[0]?.cents ?? 0);
}
