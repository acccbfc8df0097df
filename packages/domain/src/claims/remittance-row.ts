/** How imported 835 files read back: the summary row and the posting summary of one file. */
import type { Ctx } from '../shared/context.ts';
import { notFound } from '../shared/errors.ts';
import type { RemittanceImport, RemittanceSummary } from './remittance.schemas.ts';

export function selectRemittances(ctx: Ctx) {
  return ctx.db
    .selectFrom('remittance_files')
    .select([
      'id',
      'sha256',
      'transactions',
      'payment_cents',
      'claims_posted',
      'claims_already_posted',
      'claims_unmatched',
      'payment_ids',
      'already_posted',
      'created_at',
    ])
    .where('organization_id', '=', ctx.organizationId);
}

type Row = Awaited<ReturnType<ReturnType<typeof selectRemittances>['executeTakeFirstOrThrow']>>;

export const toRemittanceSummary = (r: Row): RemittanceSummary => ({
  id: r.id,
  sha256: r.sha256,
  transactions: r.transactions,
  paymentCents: Number(r.payment_cents),
  claimsPosted: r.claims_posted,
  claimsAlreadyPosted: r.claims_already_posted,
  claimsUnmatched: r.claims_unmatched,
  createdAt: r.created_at.toISOString(),
});

/** One file's posting summary: its payments with PLB lines, and per claim posted, already posted or unmatched. */
export async function loadRemittance(ctx: Ctx, id: string): Promise<RemittanceImport> {
  if (!/^[0-9a-f-]{36}$/i.test(id)) throw notFound('remittance');
  const file = await selectRemittances(ctx).where('id', '=', id).executeTakeFirst();
  if (!file) throw notFound('remittance');
  const paymentIds = file.payment_ids.length ? file.payment_ids : ['00000000-0000-0000-0000-000000000000'];
  const [payments, plb, posted, unmatched] = await Promise.all([
    ctx.db
      .selectFrom('remittance_payments')
      .selectAll()
      .where('organization_id', '=', ctx.organizationId)
      .where('id', 'in', paymentIds)
      .execute(),
    ctx.db
      .selectFrom('remittance_provider_adjustments')
      .selectAll()
      .where('organization_id', '=', ctx.organizationId)
      .where('payment_id', 'in', paymentIds)
      .orderBy('seq')
      .execute(),
    ctx.db
      .selectFrom('remittance_claims')
      .select(['claim_id', 'patient_control_number', 'status_code', 'paid_cents', 'patient_responsibility_cents'])
      .where('organization_id', '=', ctx.organizationId)
      .where('file_id', '=', id)
      .orderBy('patient_control_number')
      .execute(),
    ctx.db
      .selectFrom('remittance_unmatched')
      .select(['patient_control_number', 'status_code', 'paid_cents', 'reason'])
      .where('organization_id', '=', ctx.organizationId)
      .where('file_id', '=', id)
      .orderBy('patient_control_number')
      .execute(),
  ]);
  const order = new Map(file.payment_ids.map((p, i) => [p, i]));
  payments.sort((a, b) => (order.get(a.id) ?? 0) - (order.get(b.id) ?? 0));
  return {
    ...toRemittanceSummary(file),
    postedCents: posted.reduce((s, p) => s + Number(p.paid_cents), 0),
    payments: payments.map((p) => ({
      id: p.id,
      traceNumber: p.trace_number,
      payerName: p.payer_name,
      payerIdentifier: p.payer_identifier,
      paymentCents: Number(p.payment_cents),
      paymentDate: p.payment_date,
      method: p.method,
      providerAdjustments: plb
        .filter((a) => a.payment_id === p.id)
        .map((a) => ({ reasonCode: a.reason_code, reference: a.reference, amountCents: Number(a.amount_cents) })),
    })),
    claims: [
      ...posted.map((p) => ({
        outcome: 'posted' as const,
        claimId: p.claim_id,
        patientControlNumber: p.patient_control_number,
        statusCode: p.status_code,
        paidCents: Number(p.paid_cents),
        patientResponsibilityCents: Number(p.patient_responsibility_cents),
        reason: null,
      })),
      ...file.already_posted.map((a) => ({
        outcome: 'already_posted' as const,
        claimId: a.claimId,
        patientControlNumber: a.patientControlNumber,
        statusCode: null,
        paidCents: null,
        patientResponsibilityCents: null,
        reason: 'this payment had already posted to the claim',
      })),
      ...unmatched.map((u) => ({
        outcome: 'unmatched' as const,
        claimId: null,
        patientControlNumber: u.patient_control_number,
        statusCode: u.status_code,
        paidCents: Number(u.paid_cents),
        patientResponsibilityCents: null,
        reason: u.reason,
      })),
    ],
  };
}
