import { requirePatientAccess, requirePermission } from '../access/index.ts';
import { recordAudit } from '../audit/index.ts';
import { assertDayOpen } from '../deposits/index.ts';
import { localDateOf } from '../scheduling/index.ts';
import { actorUserId, type Ctx, inTransaction } from '../shared/context.ts';
import { AppError, invalid, notFound } from '../shared/errors.ts';
import { emit } from '../shared/events.ts';
import type { CardGateway } from '../shared/outside/card-gateway.ts';
import { CardGatewayUnavailable } from '../shared/outside/http-card-gateway.ts';
import type { Refund, RefundInput } from './accounts.schemas.ts';
import { refundIssued } from './payment-events.ts';

/**
 * Return money from a payment (refund:issue), with the reason: never more than is left of it
 * (checked under the payment's row lock, so two refunds at once cannot pass the amount). Posts
 * its journal entry in the same transaction (refund.issued → ledger), dated today at the
 * payment's location.
 *
 * A card charged through the gateway (`card_source = 'gateway'`) is refunded there first, against
 * the original charge's processor reference, before anything is written: a decline answers 402
 * CARD_DECLINED and a gateway that does not answer 503, and nothing is posted. Its idempotency key
 * is the payment and what was refunded of it before (`<org>:refund:<payment>:<refunded>:<amount>`),
 * taken under the row lock: a retry after a lost answer gets the processor's first outcome and
 * never returns the money twice. Without a configured gateway such a payment is not refunded (409).
 */
export async function refundPayment(ctx: Ctx, paymentId: string, input: RefundInput, gateway?: CardGateway | undefined): Promise<Refund> {
  requirePermission(ctx, 'refund:issue');
  return inTransaction(ctx, async (tx) => {
    const payment = /^[0-9a-f-]{36}$/i.test(paymentId)
      ? await tx.db
          .selectFrom('payments')
          .selectAll()
          .where('organization_id', '=', tx.organizationId)
          .where('id', '=', paymentId)
          .forUpdate()
          .executeTakeFirst()
      : undefined;
    if (!payment) throw notFound('payment');
    const access = await requirePatientAccess(tx, payment.patient_id, 'refund:issue');
    if (payment.voided_at) throw new AppError('CONFLICT', 'this payment was voided: nothing is left to refund');
    const left = Number(payment.amount_cents) - Number(payment.refunded_cents);
    if (input.amountCents > left) throw invalid('amountCents', `only ${left} cents of this payment are left to refund`);
    const zone = await tx.db
      .selectFrom('location_directory')
      .select('time_zone')
      .where('organization_id', '=', tx.organizationId)
      .where('id', '=', payment.location_id)
      .executeTakeFirst();
    const postingDate = localDateOf(tx.clock.now().getTime(), zone?.time_zone ?? 'UTC');
    await assertDayOpen(tx, { locationId: payment.location_id, date: postingDate });
    if (payment.card_source === 'gateway') {
      if (!gateway || !payment.reference)
        throw new AppError(
          'CONFLICT',
          'this card was charged through the card gateway, which is not set up here: refund it on the processor',
        );
      await refundOnGateway(gateway, {
        processorReference: payment.reference,
        amountCents: input.amountCents,
        idempotencyKey: `${tx.organizationId}:refund:${payment.id}:${Number(payment.refunded_cents)}:${input.amountCents}`,
      });
    }
    const refund = await tx.db
      .insertInto('refunds')
      .values({
        organization_id: tx.organizationId,
        payment_id: payment.id,
        patient_id: payment.patient_id,
        amount_cents: input.amountCents,
        reason: input.reason,
        posting_date: postingDate,
        issued_by: actorUserId(tx),
        created_at: tx.clock.now(),
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    await tx.db
      .updateTable('payments')
      .set({ refunded_cents: Number(payment.refunded_cents) + input.amountCents, version: payment.version + 1 })
      .where('id', '=', payment.id)
      .where('organization_id', '=', tx.organizationId)
      .execute();
    await recordAudit(tx, {
      action: 'create',
      resourceType: 'refund',
      resourceId: refund.id,
      access,
      details: { paymentId: payment.id, amountCents: input.amountCents, reason: input.reason },
    });
    await emit(tx, refundIssued, {
      refundId: refund.id,
      paymentId: payment.id,
      patientId: payment.patient_id,
      locationId: payment.location_id,
      method: payment.method,
      amountCents: input.amountCents,
      postingDate,
    });
    return {
      id: refund.id,
      paymentId: payment.id,
      patientId: payment.patient_id,
      amountCents: input.amountCents,
      reason: refund.reason,
      postingDate,
      createdAt: refund.created_at.toISOString(),
    };
  });
}

async function refundOnGateway(gateway: CardGateway, request: Parameters<CardGateway['refund']>[0]): Promise<void> {
  let outcome: Awaited<ReturnType<CardGateway['refund']>>;
  try {
    outcome = await gateway.refund(request);
  } catch (e) {
    if (e instanceof CardGatewayUnavailable)
      throw new AppError('SERVICE_UNAVAILABLE', 'the card gateway did not answer; nothing was refunded or posted. Try again', {
        headers: { 'retry-after': '5' },
      });
    throw e;
  }
  if (outcome.status === 'declined')
    throw new AppError('CARD_DECLINED', `the card gateway declined the refund (${outcome.reason}); nothing was refunded or posted`, {
      extra: { reason: outcome.reason },
    });
}
