/** How eligibility answers are read: the row with its inquiry's trace number, as the API shows it. */
import type { Ctx } from '../shared/context.ts';
import type { EligibilityResult } from './eligibility.schemas.ts';

export function selectResults(ctx: Ctx) {
  return ctx.db
    .selectFrom('eligibility_responses as r')
    .innerJoin('eligibility_requests as q', 'q.id', 'r.request_id')
    .where('r.organization_id', '=', ctx.organizationId)
    .select([
      'r.id',
      'r.request_id',
      'r.coverage_id',
      'q.trace_number',
      'r.status',
      'r.plan_name',
      'r.copay_cents',
      'r.coinsurance_basis_points',
      'r.deductible_cents',
      'r.deductible_remaining_cents',
      'r.out_of_pocket_cents',
      'r.out_of_pocket_remaining_cents',
      'r.rejection_reasons',
      'r.checked_on',
      'r.created_at',
    ]);
}

type ResultRow = Awaited<ReturnType<ReturnType<typeof selectResults>['executeTakeFirstOrThrow']>>;

const cents = (v: number | string | null) => (v === null ? null : Number(v));

export function toResult(r: ResultRow): EligibilityResult {
  return {
    id: r.id,
    requestId: r.request_id,
    coverageId: r.coverage_id,
    traceNumber: r.trace_number,
    status: r.status,
    planName: r.plan_name,
    copayCents: cents(r.copay_cents),
    coinsuranceBasisPoints: r.coinsurance_basis_points,
    deductibleCents: cents(r.deductible_cents),
    deductibleRemainingCents: cents(r.deductible_remaining_cents),
    outOfPocketCents: cents(r.out_of_pocket_cents),
    outOfPocketRemainingCents: cents(r.out_of_pocket_remaining_cents),
    rejectionReasons: r.rejection_reasons,
    checkedOn: r.checked_on,
    importedAt: r.created_at.toISOString(),
  };
}
