import { sql } from 'kysely';
import type { Ctx } from '../shared/context.ts';
import { ACCOUNT_CODE } from './accounts.ts';
import type { ActivityQuery } from './activity-summary.ts';

export const ADJUSTMENT_CATEGORIES = ['contractual', 'other_payer', 'patient_responsibility', 'write_off', 'refund', 'provider'] as const;
export type AdjustmentCategory = (typeof ADJUSTMENT_CATEGORIES)[number];

export interface AdjustmentReasonRow {
  /** The first day of the period (a week starts on Monday), clipped to `from`. */
  periodStart: string;
  /** What the line was posted for: a CARC group and code (`CO-45`), `PLB-<code>`, `claim_write_off`, `small_balance_write_off`, `refund`. */
  reason: string;
  category: AdjustmentCategory;
  /** Net of reversals: positive reduced what was owed (or, for refunds, what was given back). */
  cents: number;
}

const CATEGORY_OF: Record<string, AdjustmentCategory> = {
  [ACCOUNT_CODE.contractual_adjustments]: 'contractual',
  [ACCOUNT_CODE.other_adjustments]: 'other_payer',
  [ACCOUNT_CODE.patient_ar]: 'patient_responsibility',
  [ACCOUNT_CODE.write_offs]: 'write_off',
  [ACCOUNT_CODE.provider_adjustments]: 'provider',
  [ACCOUNT_CODE.cash_drawer]: 'refund',
  [ACCOUNT_CODE.bank]: 'refund',
};

/**
 * Adjustments by the reason their lines carry (migration 0230), by period of posting: payer
 * adjustments by CARC group and code, PR moved to the patient, provider-level adjustments by PLB
 * code, write-offs and refunds by kind. One statement grouped by period, reason and account; a
 * reversal's lines carry their original's reason and net it out. Lines posted before reasons
 * were kept are not counted here (the activity summary has them by account). A location filter
 * keeps entries posted at that location.
 */
export async function adjustmentsByReason(ctx: Ctx, q: ActivityQuery): Promise<AdjustmentReasonRow[]> {
  const rows = await sql<{ period: string; reason: string; account_code: string; net: string }>`
    select greatest(date_trunc(${q.period}, e.posting_date)::date, ${q.from}::date)::text as period,
      l.reason, l.account_code, sum(l.debit_cents - l.credit_cents)::text as net
    from journal_entries e
    join journal_lines l on l.organization_id = e.organization_id and l.entry_id = e.id
    where e.organization_id = ${ctx.organizationId}
      and e.posting_date between ${q.from}::date and ${q.to}::date
      and l.reason is not null
      and l.account_code in (${sql.join(Object.keys(CATEGORY_OF))})
      ${q.locationId ? sql`and e.location_id = ${q.locationId}::uuid` : sql``}
    group by 1, 2, 3
    order by 1, 2, 3
  `.execute(ctx.db);
  const out: AdjustmentReasonRow[] = [];
  for (const r of rows.rows) {
    const category = CATEGORY_OF[r.account_code] as AdjustmentCategory;
    const net = Number(r.net);
    const cents = category === 'refund' ? -net : net;
    if (cents !== 0) out.push({ periodStart: r.period, reason: r.reason, category, cents });
  }
  return out;
}
