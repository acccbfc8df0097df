import { sql } from 'kysely';
import type { Ctx } from '../shared/context.ts';
import { ACCOUNT_CODE } from './accounts.ts';

export const ACTIVITY_PERIODS = ['day', 'week', 'month'] as const;
export type ActivityPeriod = (typeof ACTIVITY_PERIODS)[number];

export interface ActivityQuery {
  from: string;
  to: string;
  period: ActivityPeriod;
  locationId?: string | undefined;
}

export interface ActivityRow {
  /** The first day of the period (a week starts on Monday), clipped to `from`. */
  periodStart: string;
  /** What payers paid (the bank side of their payments, net of provider-level adjustments). */
  insurancePaymentsCents: number;
  /** What patients paid (into the drawer or undeposited funds). */
  patientPaymentsCents: number;
  /** Money returned to patients. */
  refundsCents: number;
  /** Contractual adjustments (CO) net of reversals. */
  contractualAdjustmentsCents: number;
  /** Other payer adjustments (OA, PI, CR). */
  otherAdjustmentsCents: number;
  /** Write-offs. */
  writeOffsCents: number;
  /** Provider-level adjustments (PLB): positive reduced the payments (recoupments), negative added (interest). */
  providerAdjustmentsCents: number;
}

const RECEIVED = [ACCOUNT_CODE.cash_drawer, ACCOUNT_CODE.undeposited_funds, ACCOUNT_CODE.bank];

/**
 * Collections and adjustments by period, from the posted lines of `from`..`to` (inclusive posting
 * dates), one statement grouped by period, entry kind and account. Adjustments are by account
 * (contractual, other payer, write-offs): the lines carry no CARC code. A location filter keeps
 * entries posted at that location (payer payments carry none, so they drop out under a filter).
 */
export async function activitySummary(ctx: Ctx, q: ActivityQuery): Promise<ActivityRow[]> {
  const rows = await sql<{ period: string; kind: string; account_code: string; debits: string; credits: string }>`
    select greatest(date_trunc(${q.period}, e.posting_date)::date, ${q.from}::date)::text as period,
      e.kind, l.account_code, sum(l.debit_cents)::text as debits, sum(l.credit_cents)::text as credits
    from journal_entries e
    join journal_lines l on l.organization_id = e.organization_id and l.entry_id = e.id
    where e.organization_id = ${ctx.organizationId}
      and e.posting_date between ${q.from}::date and ${q.to}::date
      and e.kind in ('insurance_payment', 'patient_payment', 'refund', 'write_off', 'reversal')
      and l.account_code in (${sql.join([...RECEIVED, ACCOUNT_CODE.contractual_adjustments, ACCOUNT_CODE.other_adjustments, ACCOUNT_CODE.write_offs, ACCOUNT_CODE.provider_adjustments])})
      ${q.locationId ? sql`and e.location_id = ${q.locationId}::uuid` : sql``}
    group by 1, 2, 3
    order by 1
  `.execute(ctx.db);
  const out = new Map<string, ActivityRow>();
  for (const r of rows.rows) {
    let row = out.get(r.period);
    if (!row) {
      row = {
        periodStart: r.period,
        insurancePaymentsCents: 0,
        patientPaymentsCents: 0,
        refundsCents: 0,
        contractualAdjustmentsCents: 0,
        otherAdjustmentsCents: 0,
        writeOffsCents: 0,
        providerAdjustmentsCents: 0,
      };
      out.set(r.period, row);
    }
    const net = Number(r.debits) - Number(r.credits);
    const received = RECEIVED.includes(r.account_code as (typeof RECEIVED)[number]);
    if (r.account_code === ACCOUNT_CODE.contractual_adjustments) row.contractualAdjustmentsCents += net;
    else if (r.account_code === ACCOUNT_CODE.other_adjustments) row.otherAdjustmentsCents += net;
    else if (r.account_code === ACCOUNT_CODE.write_offs) row.writeOffsCents += net;
    else if (r.account_code === ACCOUNT_CODE.provider_adjustments) row.providerAdjustmentsCents += net;
    else if (received && r.kind === 'insurance_payment') row.insurancePaymentsCents += net;
    else if (received && r.kind === 'patient_payment') row.patientPaymentsCents += net;
    else if (received && r.kind === 'refund') row.refundsCents -= net;
  }
  return [...out.values()];
}
