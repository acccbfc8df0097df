import { sql } from 'kysely';
import type { Ctx } from '../shared/context.ts';
import { ACCOUNT_CODE } from './accounts.ts';
import { AGE_BUCKETS, type AgeBucket } from './patient-balances.ts';

export interface ArAgingQuery {
  /** The calendar day the aging is counted on (YYYY-MM-DD): postings through it, aged to it. */
  asOf: string;
  /** Only balances whose first posting was at this location (a claim's or a visit's). */
  locationId?: string | undefined;
}

export interface ArAgingRow {
  /** The payer (insurance A/R), else null. */
  payerId: string | null;
  buckets: Record<AgeBucket, number>;
  totalCents: number;
}

export interface ArAging {
  /** Insurance A/R by payer (lines naming no payer: one row with payerId null). */
  insurance: ArAgingRow[];
  /** Patient A/R by bucket (credits, e.g. an unapplied payment, count negative where they sit). */
  patient: Omit<ArAgingRow, 'payerId'>;
}

const zeros = () => Object.fromEntries(AGE_BUCKETS.map((b) => [b, 0])) as Record<AgeBucket, number>;

/**
 * A/R aging from the posted lines, set-based (one statement): insurance A/R grouped by claim
 * (or visit, for lines naming no claim), patient A/R by patient and visit, each group aged from
 * its first posting date to `asOf` (the buckets `patientBalances` uses) and summed by payer and
 * bucket. The totals equal the two receivable accounts' balances through `asOf`. A group takes the
 * location of its first located entry (the charge's, the claim batch's), so `locationId` splits
 * the books by the visit's location even though a payer's payment carries none.
 */
export async function arAging(ctx: Ctx, q: ArAgingQuery): Promise<ArAging> {
  const insuranceAr = ACCOUNT_CODE.insurance_ar;
  const patientAr = ACCOUNT_CODE.patient_ar;
  const rows = await sql<{ side: 'insurance' | 'patient'; payer_id: string | null; bucket: AgeBucket; cents: string }>`
    with groups as (
      select
        case when l.account_code = ${insuranceAr} then 'insurance' else 'patient' end as side,
        (array_agg(l.payer_id) filter (where l.payer_id is not null))[1] as payer_id,
        sum(l.debit_cents - l.credit_cents) as cents,
        ${q.asOf}::date - min(e.posting_date) as age,
        (array_agg(e.location_id order by e.posting_date, e.posted_at) filter (where e.location_id is not null))[1] as location_id
      from journal_lines l
      join journal_entries e on e.organization_id = l.organization_id and e.id = l.entry_id
      where l.organization_id = ${ctx.organizationId}
        and l.account_code in (${insuranceAr}, ${patientAr})
        and e.posting_date <= ${q.asOf}::date
      group by l.account_code,
        case when l.account_code = ${insuranceAr} then coalesce(l.claim_id, l.encounter_id) end,
        case when l.account_code = ${patientAr} then l.patient_id end,
        case when l.account_code = ${patientAr} or l.claim_id is null then l.encounter_id end
    )
    select side, payer_id,
      case when age <= 30 then '0-30' when age <= 60 then '31-60' when age <= 90 then '61-90' when age <= 120 then '91-120' else '120+' end as bucket,
      sum(cents)::text as cents
    from groups
    where cents <> 0 ${q.locationId ? sql`and location_id = ${q.locationId}::uuid` : sql``}
    group by 1, 2, 3
  `.execute(ctx.db);
  const byPayer = new Map<string | null, ArAgingRow>();
  const patient = { buckets: zeros(), totalCents: 0 };
  for (const r of rows.rows) {
    const cents = Number(r.cents);
    if (r.side === 'patient') {
      patient.buckets[r.bucket] += cents;
      patient.totalCents += cents;
      continue;
    }
    let row = byPayer.get(r.payer_id);
    if (!row) {
      row = { payerId: r.payer_id, buckets: zeros(), totalCents: 0 };
      byPayer.set(r.payer_id, row);
    }
    row.buckets[r.bucket] += cents;
    row.totalCents += cents;
  }
  return { insurance: [...byPayer.values()], patient };
}
