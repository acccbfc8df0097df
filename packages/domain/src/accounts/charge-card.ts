import { requirePermission } from '../access/index.ts';
import type { CardGateway } from '../shared/outside/card-gateway.ts';
import { CardGatewayUnavailable } from '../shared/outside/http-card-gateway.ts';
import type { Ctx } from '../shared/context.ts';
import { AppError, invalid } from '../shared/errors.ts';
import type { Payment, PaymentInput } from './accounts.schemas.ts';
import { type CardResult, postedUnderKey, postPayment } from './post-payment.ts';

/**
 * Take a payment at the desk. A card payment with a token is charged through the practice's card
 * gateway first, with the payment's Idempotency-Key, and posted only once approved: a decline
 * answers 402 CARD_DECLINED and a gateway that does not answer 503, and neither posts anything
 * (a retry with the same key cannot charge twice: the processor answers its first outcome).
 * A key already posted answers that payment without calling the gateway again. Without a token
 * (or without a gateway) it is postPayment as it was: cash, check, or card taken on a standalone
 * terminal with its last four digits and reference keyed in.
 */
export async function takePayment(
  ctx: Ctx,
  input: PaymentInput,
  idempotencyKey: string | undefined,
  gateway: CardGateway | undefined,
): Promise<{ payment: Payment; replayed: boolean }> {
  requirePermission(ctx, 'payment:post');
  if (!input.cardToken) return postPayment(ctx, input, idempotencyKey);
  if (!gateway)
    throw invalid(
      'cardToken',
      'no card gateway is set up for this installation: take the card on the terminal and enter its last four digits and reference',
    );
  if (!idempotencyKey) throw invalid('Idempotency-Key', 'a card charged through the gateway needs an Idempotency-Key header');
  // Already posted under this key (a double click, a retry): answer it, charge nothing.
  const earlier = await postedUnderKey(ctx, input, idempotencyKey);
  if (earlier) return { payment: earlier, replayed: true };
  let outcome: Awaited<ReturnType<CardGateway['charge']>>;
  try {
    outcome = await gateway.charge({
      cardToken: input.cardToken,
      amountCents: input.amountCents,
      currency: 'USD',
      idempotencyKey: `${ctx.organizationId}:${idempotencyKey}`,
      description: 'Patient payment',
    });
  } catch (e) {
    if (e instanceof CardGatewayUnavailable)
      throw new AppError(
        'SERVICE_UNAVAILABLE',
        'the card gateway did not answer; nothing was posted. Retry with the same Idempotency-Key',
        {
          headers: { 'retry-after': '5' },
        },
      );
    throw e;
  }
  if (outcome.status === 'declined')
    throw new AppError('CARD_DECLINED', `the card was declined (${outcome.reason}); nothing was charged or posted`, {
      extra: { reason: outcome.reason },
    });
  const card: CardResult = { last4: outcome.last4, reference: outcome.processorReference, brand: outcome.brand };
  return postPayment(ctx, input, idempotencyKey, card);
}
