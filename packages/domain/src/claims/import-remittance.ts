import { createHash } from 'node:crypto';
import { balance835, parse835, type RemittanceClaim835 } from '@x12/index.ts';
import { requirePermission } from '../access/index.ts';
import { type Ctx, inTransaction } from '../shared/context.ts';
import { AppError } from '../shared/errors.ts';
import { emit } from '../shared/events.ts';
import { postRemittanceClaims } from './post-remittance-claims.ts';
import { loadRemittance } from './remittance-row.ts';
import type { RemittanceImport } from './remittance.schemas.ts';
import { postedCashCents, remittancePosted } from './remittance-posted.ts';
import { dollars, readOrRefuse } from './x12-problem.ts';

/** BPR16 when it is a real calendar date (one public sample writes 20002316); null otherwise. */
function realDate(d: string | undefined): string | null {
  if (!d) return null;
  const at = new Date(`${d}T00:00:00Z`);
  return !Number.isNaN(at.getTime()) && at.toISOString().slice(0, 10) === d ? d : null;
}

/** A claim may take a remittance once it was sent (CLAIM_TRANSITIONS lets any state after `submitted`). */
const NOT_SENT = new Set(['draft', 'ready', 'closed']);

/**
 * Import an 835 file: every transaction must balance (BPR02 = ΣCLP04 − ΣPLB, else 422 naming it and
 * nothing changes); each payment (trace number) is kept once with its PLB lines; each CLP posts to
 * the claim with that patient control number, or goes to the reconciliation queue. A claim a payment
 * already posted (same trace, claim and CLP02) is counted as already posted, never twice.
 */
export async function importRemittance(ctx: Ctx, text: string): Promise<RemittanceImport> {
  requirePermission(ctx, 'claim:submit');
  const { transactions } = readOrRefuse('835', () => parse835(text));
  if (transactions.length === 0)
    throw new AppError('VALIDATION_FAILED', 'the file has no 835 transaction', { errors: [{ path: 'body', message: 'no ST*835' }] });
  for (const t of transactions) {
    if (!t.trn.traceNumber)
      throw new AppError('UNPROCESSABLE', `the 835 at segment ${t.segmentNumber} has no TRN02 trace number`, {
        errors: [{ path: 'body', message: 'TRN02 is required' }],
        extra: { segmentNumber: t.segmentNumber },
      });
    const b = balance835(t);
    if (!b.balanced)
      throw new AppError(
        'UNPROCESSABLE',
        `the 835 with trace ${t.trn.traceNumber} (ST02 ${t.controlNumber}, segment ${t.segmentNumber}) does not balance: BPR02 ${dollars(b.paymentCents)} but claims paid ${dollars(b.claimsPaidCents)} less provider adjustments ${dollars(b.providerAdjustmentsCents)} is ${dollars(b.claimsPaidCents - b.providerAdjustmentsCents)}`,
        {
          errors: [{ path: 'body', message: `unbalanced by ${dollars(b.differenceCents)}` }],
          extra: { segmentNumber: t.segmentNumber, traceNumber: t.trn.traceNumber, ...b },
        },
      );
  }
  const paymentCents = transactions.reduce((s, t) => s + balance835(t).paymentCents, 0);
  const fileId = await inTransaction(ctx, async (tx) => {
    const file = await tx.db
      .insertInto('remittance_files')
      .values({
        organization_id: tx.organizationId,
        x12: text,
        sha256: createHash('sha256').update(text).digest('hex'),
        transactions: transactions.length,
        payment_cents: paymentCents,
        claims_posted: 0,
        claims_already_posted: 0,
        claims_unmatched: 0,
        created_by: tx.actor.kind === 'user' ? tx.actor.userId : null,
        created_at: tx.clock.now(),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    let posted = 0;
    let already = 0;
    let unmatched = 0;
    const paymentIds: string[] = [];
    const alreadyPosted: { claimId: string; patientControlNumber: string }[] = [];
    for (const t of transactions) {
      const payerKey = t.trn.payerId ?? '';
      const signed = balance835(t).paymentCents;
      const created = await tx.db
        .insertInto('remittance_payments')
        .values({
          organization_id: tx.organizationId,
          file_id: file.id,
          trace_number: t.trn.traceNumber,
          payer_key: payerKey,
          payer_name: t.payer.name,
          payer_identifier: t.payer.id ?? null,
          payment_cents: signed,
          credit_debit: t.bpr.creditDebit,
          method: t.bpr.method,
          payment_date: realDate(t.bpr.date),
          created_at: tx.clock.now(),
        })
        .onConflict((oc) => oc.columns(['organization_id', 'payer_key', 'trace_number']).doNothing())
        .returning('id')
        .executeTakeFirst();
      const payment =
        created ??
        (await tx.db
          .selectFrom('remittance_payments')
          .select('id')
          .where('organization_id', '=', tx.organizationId)
          .where('payer_key', '=', payerKey)
          .where('trace_number', '=', t.trn.traceNumber)
          .executeTakeFirstOrThrow());
      if (created && t.providerAdjustments.length)
        await tx.db
          .insertInto('remittance_provider_adjustments')
          .values(
            t.providerAdjustments.map((p, i) => ({
              organization_id: tx.organizationId,
              payment_id: payment.id,
              seq: i + 1,
              provider_identifier: p.providerId,
              fiscal_period_date: p.fiscalPeriodDate ?? null,
              reason_code: p.reasonCode,
              reference: p.reference ?? null,
              amount_cents: p.amountCents,
            })),
          )
          .execute();

      const pcns = [...new Set(t.claims.map((c) => c.patientControlNumber))];
      const claims = new Map<
        string,
        {
          id: string;
          status: string;
          version: number;
          patient_id: string;
          encounter_id: string;
          payer_id: string;
          patient_control_number: string;
        }
      >();
      for (let i = 0; i < pcns.length; i += 1000) {
        const rows = await tx.db
          .selectFrom('claims')
          .select(['id', 'status', 'version', 'patient_id', 'encounter_id', 'payer_id', 'patient_control_number'])
          .where('organization_id', '=', tx.organizationId)
          .where('patient_control_number', 'in', pcns.slice(i, i + 1000))
          .orderBy('id')
          .forUpdate()
          .execute();
        for (const r of rows) claims.set(r.patient_control_number, r);
      }
      const toPost = [];
      const queue: { clp: RemittanceClaim835; reason: string }[] = [];
      for (const clp of t.claims) {
        const claim = claims.get(clp.patientControlNumber);
        if (!claim) queue.push({ clp, reason: `no claim has patient control number ${clp.patientControlNumber}` });
        else if (NOT_SENT.has(claim.status))
          queue.push({ clp, reason: `claim ${clp.patientControlNumber} is ${claim.status}: it cannot take a remittance` });
        else toPost.push({ claim: claim as Parameters<typeof postRemittanceClaims>[2][number]['claim'], clp });
      }
      const outcome = await postRemittanceClaims(
        tx,
        { id: payment.id, fileId: file.id, traceNumber: t.trn.traceNumber, paymentDate: realDate(t.bpr.date) },
        toPost,
      );
      if (!paymentIds.includes(payment.id)) paymentIds.push(payment.id);
      alreadyPosted.push(...outcome.already);
      posted += outcome.posted.length;
      already += outcome.already.length;
      unmatched += queue.length;
      for (let i = 0; i < queue.length; i += 1000)
        await tx.db
          .insertInto('remittance_unmatched')
          .values(
            queue.slice(i, i + 1000).map(({ clp, reason }) => ({
              organization_id: tx.organizationId,
              payment_id: payment.id,
              file_id: file.id,
              patient_control_number: clp.patientControlNumber,
              status_code: clp.statusCode,
              payer_claim_control_number: clp.payerClaimControlNumber ?? '',
              paid_cents: clp.paidCents,
              charge_cents: clp.chargeCents,
              reason,
              remittance: JSON.stringify(clp),
              created_at: tx.clock.now(),
            })),
          )
          .onConflict((oc) =>
            oc
              .columns(['organization_id', 'payment_id', 'patient_control_number', 'status_code', 'payer_claim_control_number'])
              .doNothing(),
          )
          .execute();
      if (created || outcome.posted.length) {
        const providerAdjustments = created
          ? t.providerAdjustments.map((p) => ({ reasonCode: p.reasonCode, reference: p.reference ?? null, amountCents: p.amountCents }))
          : [];
        await emit(tx, remittancePosted, {
          organizationId: tx.organizationId,
          fileId: file.id,
          paymentId: payment.id,
          traceNumber: t.trn.traceNumber,
          payerName: t.payer.name,
          paymentCents: postedCashCents({ claims: outcome.posted, providerAdjustments }),
          paymentDate: realDate(t.bpr.date),
          newPayment: !!created,
          providerAdjustments,
          claims: outcome.posted,
        });
      }
    }
    await tx.db
      .updateTable('remittance_files')
      .set({
        claims_posted: posted,
        claims_already_posted: already,
        claims_unmatched: unmatched,
        payment_ids: paymentIds,
        already_posted: JSON.stringify(alreadyPosted),
      })
      .where('id', '=', file.id)
      .where('organization_id', '=', tx.organizationId)
      .execute();
    return file.id;
  });
  return loadRemittance(ctx, fileId);
}
