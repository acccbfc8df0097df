import { sql } from 'kysely';
import type { Ctx } from '../shared/context.ts';
import { ACCOUNT_CODE } from './accounts.ts';

export const AGE_BUCKETS = ['0-30', '31-60', '61-90', '91-120', '120+'] as const;
export type AgeBucket = (typeof AGE_BUCKETS)[number];

export interface EncounterBalance {
  /** null: on account, not about a visit (an unallocated payment's credit). */
  encounterId: string | null;
  patientCents: number;
  insuranceCents: number;
  /** The first posting date of the visit's lines: the age of its balance counts from it. */
  since: string;
}

/**
 * A patient's open balances by visit, from posted lines (balances are sums, never stored):
 * what the patient owes (patient A/R) and what payers were billed (insurance A/R). Bounded by
 * the patient's own lines (index journal_lines_patient). Oldest first.
 */
export async function encounterBalances(ctx: Ctx, patientId: string): Promise<EncounterBalance[]> {
  const rows = await ctx.db
    .selectFrom('journal_lines as l')
    .innerJoin('journal_entries as e', (j) => j.onRef('e.organization_id', '=', 'l.organization_id').onRef('e.id', '=', 'l.entry_id'))
    .select([
      'l.encounter_id',
      sql<string>`sum(case when l.account_code = ${ACCOUNT_CODE.patient_ar} then l.debit_cents - l.credit_cents else 0 end)`.as('patient'),
      sql<string>`sum(case when l.account_code = ${ACCOUNT_CODE.insurance_ar} then l.debit_cents - l.credit_cents else 0 end)`.as(
        'insurance',
      ),
      sql<string>`min(e.posting_date)::text`.as('since'),
    ])
    .where('l.organization_id', '=', ctx.organizationId)
    .where('l.patient_id', '=', patientId)
    .where('l.account_code', 'in', [ACCOUNT_CODE.patient_ar, ACCOUNT_CODE.insurance_ar])
    .groupBy('l.encounter_id')
    .execute();
  return rows
    .map((r) => ({ encounterId: r.encounter_id, patientCents: Number(r.patient), insuranceCents: Number(r.insurance), since: r.since }))
    .filter((b) => b.patientCents !== 0 || b.insuranceCents !== 0)
    .sort((a, b) => (a.since < b.since ? -1 : a.since > b.since ? 1 : String(a.encounterId).localeCompare(String(b.encounterId))));
}

const DAY = 86_400_000;

/** Which bucket a balance dated `since` falls in on `today` (both YYYY-MM-DD). */
export function ageBucket(since: string, today: string): AgeBucket {
  const days = Math.floor((Date.parse(`${today}T00:00:00Z`) - Date.parse(`${since}T00:00:00Z`)) / DAY);
  if (days <= 30) return '0-30';
  if (days <= 60) return '31-60';
  if (days <= 90) return '61-90';
  if (days <= 120) return '91-120';
  return '120+';
}

export interface PatientBalances {
  patientCents: number;
  insuranceCents: number;
  aging: Record<AgeBucket, number>;
}

/** The totals and the aging of a patient's whole balance (patient and insurance parts) on `today`. */
export async function patientBalances(ctx: Ctx, patientId: string, today: string): Promise<PatientBalances> {
  const aging = Object.fromEntries(AGE_BUCKETS.map((b) => [b, 0])) as Record<AgeBucket, number>;
  let patientCents = 0;
  let insuranceCents = 0;
  for (const b of await encounterBalances(ctx, patientId)) {
    patientCents += b.patientCents;
    insuranceCents += b.insuranceCents;
    aging[ageBucket(b.since, today)] += b.patientCents + b.insuranceCents;
  }
  return { patientCents, insuranceCents, aging };
}
