import { requirePatientAccess, requirePermission } from '../access/index.ts';
import { recordAudit } from '../audit/index.ts';
import { isCoverageOfPatient } from '../insurance/index.ts';
import { type Ctx, inTransaction } from '../shared/context.ts';
import { notFound } from '../shared/errors.ts';
import type { CoverageEligibility } from './eligibility.schemas.ts';
import { selectResults, toResult } from './result-row.ts';

/** A coverage's latest eligibility answer and newest inquiry (audited as a read of the patient's coverage). */
export async function getCoverageEligibility(ctx: Ctx, patientId: string, coverageId: string): Promise<CoverageEligibility> {
  requirePermission(ctx, 'eligibility:check');
  if (!/^[0-9a-f-]{36}$/i.test(patientId) || !/^[0-9a-f-]{36}$/i.test(coverageId)) throw notFound('coverage');
  return inTransaction(ctx, async (tx) => {
    const access = await requirePatientAccess(tx, patientId, 'eligibility:check');
    if (!(await isCoverageOfPatient(tx, coverageId, patientId))) throw notFound('coverage');
    const [latest, request] = await Promise.all([
      selectResults(tx)
        .where('r.coverage_id', '=', coverageId)
        .orderBy('r.created_at', 'desc')
        .orderBy('r.id', 'desc')
        .limit(1)
        .executeTakeFirst(),
      tx.db
        .selectFrom('eligibility_requests')
        .select(['id', 'coverage_id', 'trace_number', 'interchange_control_number', 'service_date', 'created_at'])
        .where('organization_id', '=', tx.organizationId)
        .where('coverage_id', '=', coverageId)
        .orderBy('created_at', 'desc')
        .limit(1)
        .executeTakeFirst(),
    ]);
    await recordAudit(tx, { action: 'read', resourceType: 'eligibility', resourceId: coverageId, access, details: { coverageId } });
    return {
      latest: latest ? toResult(latest) : null,
      lastRequest: request
        ? {
            id: request.id,
            coverageId: request.coverage_id,
            traceNumber: request.trace_number,
            interchangeControlNumber: Number(request.interchange_control_number),
            serviceDate: request.service_date,
            createdAt: request.created_at.toISOString(),
          }
        : null,
    };
  });
}
