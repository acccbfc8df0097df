import type { RemittanceClaim835 } from '@x12/index.ts';
import { requirePermission } from '../access/index.ts';
import { keyset } from '../shared/cursor.ts';
import type { Ctx } from '../shared/context.ts';
import type { Unmatched, UnmatchedQuery } from './remittance.schemas.ts';

export function selectUnmatched(ctx: Ctx) {
  return ctx.db
    .selectFrom('remittance_unmatched as u')
    .innerJoin('remittance_payments as p', 'p.id', 'u.payment_id')
    .selectAll('u')
    .select(['p.trace_number', 'p.payer_name', 'p.payment_date'])
    .where('u.organization_id', '=', ctx.organizationId);
}

type Row = Awaited<ReturnType<ReturnType<typeof selectUnmatched>['executeTakeFirstOrThrow']>>;

export function toUnmatched(r: Row): Unmatched {
  const clp = r.remittance as RemittanceClaim835;
  return {
    id: r.id,
    remittanceId: r.file_id,
    traceNumber: r.trace_number,
    payerName: r.payer_name,
    patientControlNumber: r.patient_control_number,
    statusCode: r.status_code,
    chargeCents: Number(r.charge_cents),
    paidCents: Number(r.paid_cents),
    patientName: clp.patientName ? [clp.patientName.first, clp.patientName.last].filter(Boolean).join(' ') : null,
    reason: r.reason,
    status: r.status,
    claimId: r.claim_id,
    resolution: r.resolution,
    createdAt: r.created_at.toISOString(),
  };
}

const oldestFirst = keyset('instant', 'uuid');

/** The reconciliation queue: remittance claims that matched none of ours, oldest first (open by default). */
export async function listUnmatchedRemittances(ctx: Ctx, q: UnmatchedQuery): Promise<{ items: Unmatched[]; nextCursor: string | null }> {
  requirePermission(ctx, 'claim:submit');
  let query = selectUnmatched(ctx)
    .where('u.status', '=', q.status)
    .orderBy('u.created_at')
    .orderBy('u.id')
    .limit(q.limit + 1);
  const cursor = oldestFirst.decode(q.cursor);
  if (cursor)
    query = query.where((eb) =>
      eb.or([eb('u.created_at', '>', cursor[0]), eb.and([eb('u.created_at', '=', cursor[0]), eb('u.id', '>', cursor[1])])]),
    );
  const { page, nextCursor } = oldestFirst.page(await query.execute(), q.limit, (r) => [r.created_at, r.id]);
  return { items: page.map(toUnmatched), nextCursor };
}
