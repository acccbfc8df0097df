import { sql } from 'kysely';
import type { Ctx } from '../shared/context.ts';
import { ACCOUNT_CODE } from './accounts.ts';

/**
 * One open visit of a patient as a statement prints it, from the posted lines (cents). The parts
 * always add up: billed − insurance paid − adjustments − patient paid = patient due + pending
 * with insurance (adjustments are what remains once the others are counted: contractual and
 * other payer adjustments, write-offs, reversals).
 */
export interface StatementVisit {
  patientId: string;
  /** null: on account, not about a visit (an unallocated payment's credit). */
  encounterId: string | null;
  /** The visit's first posting date (its age counts from it). */
  since: string;
  /** The approved charges posted for the visit. */
  chargeIds: string[];
  billedCents: number;
  insurancePaidCents: number;
  adjustmentCents: number;
  patientPaidCents: number;
  /** What the patient owes for the visit now (negative: a credit). */
  patientDueCents: number;
  /** What payers were billed for the visit and have not settled. */
  insurancePendingCents: number;
}

/**
 * The open visits of these patients (a page of them: callers bound the ids), one statement over
 * their ledger lines grouped by patient and visit; visits with nothing open are left out.
 * Oldest first within a patient.
 */
export async function statementActivity(ctx: Ctx, patientIds: readonly string[]): Promise<StatementVisit[]> {
  if (patientIds.length === 0) return [];
  const pa = ACCOUNT_CODE.patient_ar;
  const ia = ACCOUNT_CODE.insurance_ar;
  const adj = [ACCOUNT_CODE.contractual_adjustments, ACCOUNT_CODE.other_adjustments];
  const rows = await ctx.db
    .selectFrom('journal_lines as l')
    .innerJoin('journal_entries as e', (j) => j.onRef('e.organization_id', '=', 'l.organization_id').onRef('e.id', '=', 'l.entry_id'))
    .select([
      'l.patient_id',
      'l.encounter_id',
      sql<string>`min(e.posting_date)::text`.as('since'),
      sql<string[] | null>`array_agg(distinct l.charge_id) filter (where l.charge_id is not null and e.kind = 'charge')`.as('charge_ids'),
      sql<string>`sum(case when e.kind in ('charge', 'charge_void') and l.account_code = ${pa} then l.debit_cents - l.credit_cents else 0 end)`.as(
        'billed',
      ),
      sql<string>`sum(case when e.kind = 'insurance_payment' and l.account_code = ${ia} then l.credit_cents - l.debit_cents
                           when e.kind = 'insurance_payment' and l.account_code in (${sql.join(adj)}, ${pa}) then l.credit_cents - l.debit_cents
                           else 0 end)`.as('insurance_paid'),
      sql<string>`sum(case when e.kind in ('patient_payment', 'refund') and l.account_code = ${pa} then l.credit_cents - l.debit_cents else 0 end)`.as(
        'patient_paid',
      ),
      sql<string>`sum(case when l.account_code = ${pa} then l.debit_cents - l.credit_cents else 0 end)`.as('patient_due'),
      sql<string>`sum(case when l.account_code = ${ia} then l.debit_cents - l.credit_cents else 0 end)`.as('insurance_pending'),
    ])
    .where('l.organization_id', '=', ctx.organizationId)
    .where('l.patient_id', 'in', [...patientIds])
    .groupBy(['l.patient_id', 'l.encounter_id'])
    .execute();
  return rows
    .map((r) => {
      const billedCents = Number(r.billed);
      const insurancePaidCents = Number(r.insurance_paid);
      const patientPaidCents = Number(r.patient_paid);
      const patientDueCents = Number(r.patient_due);
      const insurancePendingCents = Number(r.insurance_pending);
      return {
        patientId: r.patient_id as string,
        encounterId: r.encounter_id,
        since: r.since,
        chargeIds: (r.charge_ids ?? []).filter(Boolean).sort(),
        billedCents,
        insurancePaidCents,
        adjustmentCents: billedCents - insurancePaidCents - patientPaidCents - patientDueCents - insurancePendingCents,
        patientPaidCents,
        patientDueCents,
        insurancePendingCents,
      };
    })
    .filter((v) => v.patientDueCents !== 0 || v.insurancePendingCents !== 0)
    .sort((a, b) =>
      a.patientId !== b.patientId
        ? a.patientId.localeCompare(b.patientId)
        : a.since !== b.since
          ? a.since.localeCompare(b.since)
          : String(a.encounterId).localeCompare(String(b.encounterId)),
    );
}

/**
 * What each patient paid (patient payments less refunds) posted after a day, per patient and
 * its own day, in one statement: a statement run asks it of the guarantors it wrote to before.
 */
export async function patientPaymentsSince(ctx: Ctx, items: readonly { patientId: string; since: string }[]): Promise<Map<string, number>> {
  const out = new Map<string, number>();
  if (items.length === 0) return out;
  const rows = await sql<{ patient_id: string; paid: string }>`
    select l.patient_id, sum(l.credit_cents - l.debit_cents) as paid
      from unnest(${items.map((i) => i.patientId)}::uuid[], ${items.map((i) => i.since)}::date[]) as s(patient_id, since)
      join journal_lines l on l.organization_id = ${ctx.organizationId} and l.patient_id = s.patient_id and l.account_code = ${ACCOUNT_CODE.patient_ar}
      join journal_entries e on e.organization_id = l.organization_id and e.id = l.entry_id
     where e.kind in ('patient_payment', 'refund') and e.posting_date > s.since
     group by l.patient_id`.execute(ctx.db);
  for (const r of rows.rows) out.set(r.patient_id, Number(r.paid));
  return out;
}
