import { sql } from 'kysely';
import type { Ctx } from '../shared/context.ts';
import { ACCOUNT_CODE } from './accounts.ts';
import { AGE_BUCKETS, type AgeBucket, ageBucket } from './patient-balances.ts';

export interface OpenBalance {
  patientId: string;
  /** What the patient owes (negative: a credit). */
  patientCents: number;
  /** What payers were billed and have not settled. */
  insuranceCents: number;
  /** The patient part aged by visit from its first posting (as `patientBalances` ages it). */
  patientAging: Record<AgeBucket, number>;
  insuranceAging: Record<AgeBucket, number>;
  /** The oldest posting date among the patient's open visit balances. */
  oldestSince: string;
}

export interface OpenBalancesQuery {
  /** The calendar day the aging is counted on (YYYY-MM-DD). */
  today: string;
  /** Only these patients (at most a page); otherwise every patient with an open balance. */
  patientIds?: readonly string[];
  /** Keyset paging by patient id: patients after this id. */
  afterPatientId?: string;
  /** At most this many patients (default 1,000, at most 5,000). */
  limit?: number;
}

const zeros = () => Object.fromEntries(AGE_BUCKETS.map((b) => [b, 0])) as Record<AgeBucket, number>;

/**
 * Open patient and insurance balances for many patients at once, set-based (one statement over
 * the A/R lines, grouped by patient and visit): what statement runs, collections and the aging
 * report read. Patients whose both parts are zero are left out. Pages by patient id, so a run
 * over 10,000 guarantors is a handful of statements, each bounded by its page.
 */
export async function openBalances(ctx: Ctx, q: OpenBalancesQuery): Promise<{ items: OpenBalance[]; nextPatientId: string | null }> {
  const limit = Math.min(Math.max(q.limit ?? 1000, 1), 5000);
  if (q.patientIds && q.patientIds.length === 0) return { items: [], nextPatientId: null };
  const patientAr = ACCOUNT_CODE.patient_ar;
  const insuranceAr = ACCOUNT_CODE.insurance_ar;
  // The page's patients first (those with any A/R line), then their visit balances.
  const page = await ctx.db
    .selectFrom('journal_lines')
    .select('patient_id')
    .distinct()
    .where('organization_id', '=', ctx.organizationId)
    .where('account_code', 'in', [patientAr, insuranceAr])
    .where('patient_id', 'is not', null)
    .$if(q.patientIds !== undefined, (b) => b.where('patient_id', 'in', [...(q.patientIds ?? [])]))
    .$if(q.afterPatientId !== undefined, (b) => b.where('patient_id', '>', q.afterPatientId as string))
    .orderBy('patient_id')
    .limit(limit + 1)
    .execute();
  const more = page.length > limit;
  const ids = page.slice(0, limit).map((r) => r.patient_id as string);
  if (ids.length === 0) return { items: [], nextPatientId: null };
  const rows = await ctx.db
    .selectFrom('journal_lines as l')
    .innerJoin('journal_entries as e', (j) => j.onRef('e.organization_id', '=', 'l.organization_id').onRef('e.id', '=', 'l.entry_id'))
    .select([
      'l.patient_id',
      sql<string>`sum(case when l.account_code = ${patientAr} then l.debit_cents - l.credit_cents else 0 end)`.as('patient'),
      sql<string>`sum(case when l.account_code = ${insuranceAr} then l.debit_cents - l.credit_cents else 0 end)`.as('insurance'),
      sql<string>`min(e.posting_date)::text`.as('since'),
    ])
    .where('l.organization_id', '=', ctx.organizationId)
    .where('l.patient_id', 'in', ids)
    .where('l.account_code', 'in', [patientAr, insuranceAr])
    .groupBy(['l.patient_id', 'l.encounter_id'])
    .execute();
  const byPatient = new Map<string, OpenBalance>();
  for (const r of rows) {
    const patientCents = Number(r.patient);
    const insuranceCents = Number(r.insurance);
    if (patientCents === 0 && insuranceCents === 0) continue;
    const id = r.patient_id as string;
    let b = byPatient.get(id);
    if (!b) {
      b = { patientId: id, patientCents: 0, insuranceCents: 0, patientAging: zeros(), insuranceAging: zeros(), oldestSince: r.since };
      byPatient.set(id, b);
    }
    const bucket = ageBucket(r.since, q.today);
    b.patientCents += patientCents;
    b.insuranceCents += insuranceCents;
    b.patientAging[bucket] += patientCents;
    b.insuranceAging[bucket] += insuranceCents;
    if (r.since < b.oldestSince) b.oldestSince = r.since;
  }
  const items = ids.flatMap((id) => {
    const b = byPatient.get(id);
    return b && (b.patientCents !== 0 || b.insuranceCents !== 0) ? [b] : [];
  });
  return { items, nextPatientId: more ? (ids[ids.length - 1] ?? null) : null };
}
