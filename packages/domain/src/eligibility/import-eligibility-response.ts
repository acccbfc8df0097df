import { createHash } from 'node:crypto';
import { parse271, X12Error } from '@x12/index.ts';
import { type PatientAccess, requirePatientAccess, requirePermission } from '../access/index.ts';
import { recordAudit } from '../audit/index.ts';
import { actorUserId, type Ctx, inTransaction } from '../shared/context.ts';
import { AppError } from '../shared/errors.ts';
import type { EligibilityResult } from './eligibility.schemas.ts';
import { selectResults, toResult } from './result-row.ts';
import { summarize271 } from './summarize-271.ts';

/**
 * Import a payer's 271 file: each transaction set is matched to our 270 by its TRN02 trace
 * number and stored with its summary (status, copay, coinsurance, deductible and remaining
 * amounts) and the date the payer answered. A malformed file (the X12 envelope or counts wrong)
 * answers 400 naming the segment; a trace we never sent (or another practice's) 409, and
 * nothing is stored. The same answer imported again is not stored twice (`alreadyImported`).
 */
export async function importEligibilityResponse(ctx: Ctx, text: string): Promise<(EligibilityResult & { alreadyImported: boolean })[]> {
  requirePermission(ctx, 'eligibility:check');
  let parsed: ReturnType<typeof parse271>;
  try {
    parsed = parse271(text);
  } catch (e) {
    if (!(e instanceof X12Error)) throw e;
    throw new AppError('VALIDATION_FAILED', `not a valid 271: ${e.message}`, {
      errors: [{ path: e.segmentNumber ? `segments.${e.segmentNumber}` : 'body', message: e.message }],
    });
  }
  if (parsed.responses.length === 0)
    throw new AppError('VALIDATION_FAILED', 'the file has no 271 transaction set', { errors: [{ path: 'body', message: 'no ST*271' }] });
  const missing = parsed.responses.findIndex((r) => !r.traceNumber);
  if (missing >= 0)
    throw new AppError('VALIDATION_FAILED', `transaction set ${missing + 1} has no TRN trace number to match it to an inquiry`, {
      errors: [{ path: `transactions.${missing}`, message: 'no TRN*2 trace number' }],
    });
  return inTransaction(ctx, async (tx) => {
    const traces = [...new Set(parsed.responses.map((r) => r.traceNumber as string))];
    const requests = await tx.db
      .selectFrom('eligibility_requests')
      .select(['id', 'patient_id', 'coverage_id', 'trace_number', 'created_at'])
      .where('organization_id', '=', tx.organizationId)
      .where('trace_number', 'in', traces)
      .execute();
    const byTrace = new Map(requests.map((r) => [r.trace_number, r]));
    const unknown = traces.filter((t) => !byTrace.has(t));
    if (unknown.length > 0)
      throw new AppError('CONFLICT', `no eligibility inquiry of this practice has the trace number ${unknown.join(', ')}`, {
        extra: { traceNumbers: unknown },
      });
    // A restricted patient's answer is imported only by someone who may open the record (else 404).
    const access = new Map<string, PatientAccess>();
    for (const patientId of new Set(requests.map((r) => r.patient_id)))
      access.set(patientId, await requirePatientAccess(tx, patientId, 'eligibility:check'));
    const now = tx.clock.now();
    const out: (EligibilityResult & { alreadyImported: boolean })[] = [];
    for (const r of parsed.responses) {
      const request = byTrace.get(r.traceNumber as string);
      if (!request) continue;
      const patientAccess = access.get(request.patient_id);
      if (!patientAccess) continue;
      // One answer = one transaction set of one file: its ST02 with the file's bytes.
      const sha = createHash('sha256').update(`${r.controlNumber}\n${text.trim()}`).digest('hex');
      const s = summarize271(r);
      const inserted = await tx.db
        .insertInto('eligibility_responses')
        .values({
          organization_id: tx.organizationId,
          request_id: request.id,
          patient_id: request.patient_id,
          coverage_id: request.coverage_id,
          status: s.status,
          plan_name: s.planName?.slice(0, 200) ?? null,
          copay_cents: s.copayCents,
          coinsurance_basis_points: s.coinsuranceBasisPoints,
          deductible_cents: s.deductibleCents,
          deductible_remaining_cents: s.deductibleRemainingCents,
          out_of_pocket_cents: s.outOfPocketCents,
          out_of_pocket_remaining_cents: s.outOfPocketRemainingCents,
          rejection_reasons: s.rejectionReasons,
          checked_on: now.toISOString().slice(0, 10),
          x12_sha256: sha,
          x12: text,
          created_by: actorUserId(tx),
          created_at: now,
        })
        .onConflict((oc) => oc.columns(['organization_id', 'request_id', 'x12_sha256']).doNothing())
        .returning('id')
        .executeTakeFirst();
      const row = await selectResults(tx).where('r.request_id', '=', request.id).where('r.x12_sha256', '=', sha).executeTakeFirstOrThrow();
      await recordAudit(tx, {
        action: 'create',
        resourceType: 'eligibility_response',
        resourceId: row.id,
        access: patientAccess,
        details: { coverageId: request.coverage_id, traceNumber: request.trace_number, status: s.status, alreadyImported: !inserted },
      });
      out.push({ ...toResult(row), alreadyImported: !inserted });
    }
    return out;
  });
}
