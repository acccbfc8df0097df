import type { RemittanceClaim835 } from '@x12/index.ts';
import { requirePermission } from '../access/index.ts';
import type { Ctx } from '../shared/context.ts';
import { invalid } from '../shared/errors.ts';
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

/** The reconciliation queue: remittance claims that matched none of ours, oldest first (open by default). */
export async function listUnmatchedRemittances(ctx: Ctx, q: UnmatchedQuery): Promise<{ items: Unmatched[]; nextCursor: string | null }> {
  requirePermission(ctx, 'claim:submit');
  let query = selectUnmatched(ctx)
    .where('u.status', '=', q.status)
    .orderBy('u.created_at')
    .orderBy('u.id')
    .limit(q.limit + 1);
  if (q.cursor) {
    const [at, id] = Buffer.from(q.cursor, 'base64url').toString('utf8').split('|');
    const when = new Date(at ?? '');
    if (!id || !/^[0-9a-f-]{36}$/i.test(id) || Number.isNaN(when.getTime())) throw invalid('cursor', 'not a cursor from this list');
    query = query.where((eb) => eb.or([eb('u.created_at', '>', when), eb.and([eb('u.created_at', '=', when), eb('u.id', '>', id)])]));
  }
  const rows = await query.execute();
  const page = rows.slice(0, q.limit);
  const last = page[page.length - 1];
  return {
    items: page.map(toUnmatched),
    nextCursor: rows.length > q.limit && last ? Buffer.from(`${last.created_at.toISOString()}|${last.id}`).toString('base64url') : null,
  };
}
