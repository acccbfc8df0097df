/** The claim batch as the API shows it. */
import type { Ctx } from '../shared/context.ts';
import type { ClaimBatch } from './claims.schemas.ts';

export function selectBatches(ctx: Ctx) {
  return ctx.db
    .selectFrom('claim_batches')
    .select([
      'id',
      'claim_count',
      'total_charge_cents',
      'interchange_control_number',
      'group_control_number',
      'usage_indicator',
      'sha256',
      'outbox_path',
      'outbox_error',
      'upload_state',
      'uploaded_at',
      'upload_remote_name',
      'upload_error',
      'created_at',
    ])
    .where('organization_id', '=', ctx.organizationId);
}

export type BatchRow = Awaited<ReturnType<ReturnType<typeof selectBatches>['executeTakeFirstOrThrow']>>;

export function toBatch(r: BatchRow): ClaimBatch {
  return {
    id: r.id,
    claimCount: r.claim_count,
    totalChargeCents: Number(r.total_charge_cents),
    interchangeControlNumber: Number(r.interchange_control_number),
    groupControlNumber: Number(r.group_control_number),
    usageIndicator: r.usage_indicator,
    sha256: r.sha256,
    outboxPath: r.outbox_path,
    outboxError: r.outbox_error,
    upload: r.upload_state
      ? { state: r.upload_state, uploadedAt: r.uploaded_at?.toISOString() ?? null, remoteName: r.upload_remote_name, error: r.upload_error }
      : null,
    createdAt: r.created_at.toISOString(),
  };
}
