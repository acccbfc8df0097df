import type { RemittanceClaim835 } from '@x12/index.ts';
import { requirePermission } from '../access/index.ts';
import { recordAudit } from '../audit/index.ts';
import { actorUserId, type Ctx, inTransaction } from '../shared/context.ts';
import { AppError, notFound } from '../shared/errors.ts';
import { emit } from '../shared/events.ts';
import { lockClaim } from './claim-row.ts';
import { selectUnmatched, toUnmatched } from './list-unmatched-remittances.ts';
import { postRemittanceClaims } from './post-remittance-claims.ts';
import type { ResolveUnmatchedInput, Unmatched } from './remittance.schemas.ts';
import { postedCashCents, remittancePosted } from './remittance-posted.ts';

/**
 * Resolve a reconciliation-queue entry: match it to one of our claims (its CLP then posts to that
 * claim exactly as an import would) or dismiss it with a reason. An entry already resolved: 409.
 */
export async function resolveUnmatchedRemittance(ctx: Ctx, id: string, input: ResolveUnmatchedInput): Promise<Unmatched> {
  requirePermission(ctx, 'claim:submit');
  if (!/^[0-9a-f-]{36}$/i.test(id)) throw notFound('unmatched remittance');
  return inTransaction(ctx, async (tx) => {
    const row = await tx.db
      .selectFrom('remittance_unmatched')
      .selectAll()
      .where('id', '=', id)
      .where('organization_id', '=', tx.organizationId)
      .forUpdate()
      .executeTakeFirst();
    if (!row) throw notFound('unmatched remittance');
    if (row.status !== 'open') throw new AppError('CONFLICT', `this remittance claim was already ${row.status}`);
    const now = tx.clock.now();
    let reason: string;
    if (input.action === 'match') {
      const claim = await lockClaim(tx, input.claimId);
      if (['draft', 'ready', 'closed'].includes(claim.status))
        throw new AppError('CONFLICT', `claim ${claim.patient_control_number} is ${claim.status}: it cannot take a remittance`, {
          errors: [{ path: 'claimId', message: `the claim is ${claim.status}` }],
        });
      const payment = await tx.db
        .selectFrom('remittance_payments')
        .select(['id', 'trace_number', 'payer_name', 'payment_cents', 'payment_date'])
        .where('id', '=', row.payment_id)
        .where('organization_id', '=', tx.organizationId)
        .executeTakeFirstOrThrow();
      const clp = row.remittance as RemittanceClaim835;
      const outcome = await postRemittanceClaims(
        tx,
        { id: payment.id, fileId: row.file_id, traceNumber: payment.trace_number, paymentDate: payment.payment_date },
        [{ claim, clp }],
      );
      if (outcome.posted.length === 0)
        throw new AppError('CONFLICT', `this payment already posted to claim ${claim.patient_control_number}`);
      await emit(tx, remittancePosted, {
        organizationId: tx.organizationId,
        fileId: row.file_id,
        paymentId: payment.id,
        traceNumber: payment.trace_number,
        payerName: payment.payer_name,
        paymentCents: postedCashCents({ claims: outcome.posted, providerAdjustments: [] }),
        paymentDate: payment.payment_date,
        newPayment: false,
        providerAdjustments: [],
        claims: outcome.posted,
      });
      reason = `matched to claim ${claim.patient_control_number}`;
      await tx.db
        .updateTable('remittance_unmatched')
        .set({ status: 'matched', claim_id: claim.id, resolution: reason, resolved_by: actorUserId(tx), resolved_at: now })
        .where('id', '=', id)
        .execute();
    } else {
      reason = input.reason;
      await tx.db
        .updateTable('remittance_unmatched')
        .set({ status: 'dismissed', resolution: reason, resolved_by: actorUserId(tx), resolved_at: now })
        .where('id', '=', id)
        .execute();
    }
    await recordAudit(tx, {
      action: 'update',
      resourceType: 'remittance_unmatched',
      resourceId: id,
      details: { unmatchedId: id, outcome: input.action === 'match' ? 'matched' : 'dismissed', reason },
    });
    return toUnmatched(await selectUnmatched(tx).where('u.id', '=', id).executeTakeFirstOrThrow());
  });
}
