/**
 * The card gateway over HTTPS (CARD_GATEWAY_URL, CARD_GATEWAY_KEY): a processor's JSON API of
 * the usual shape. `POST {url}/charges` and `POST {url}/refunds`, authorized by
 * `Authorization: Bearer <key>`, each with an `Idempotency-Key` header (the payment's own key:
 * a retry after a timeout answers the first outcome, never a second charge). Amounts are integer
 * cents with their currency. An answer of 200 is approved, 402 declined; anything else, no
 * answer within the timeout, or a network failure is `CardGatewayUnavailable` (nothing is known
 * to have been charged: the caller posts nothing, and a retry with the same key is safe).
 */
import type { CardCharge, CardGateway, CardOutcome } from './card-gateway.ts';

export interface HttpCardGatewayConfig {
  /** Base URL of the processor's API, e.g. https://gateway.example/v1 (no trailing slash needed). */
  url: string;
  /** The practice's secret API key at the processor. */
  apiKey: string;
  /** How long one call may take before it counts as unavailable (default 10 s). */
  timeoutMs?: number;
}

/** The gateway did not answer, or answered something other than approved/declined. */
export class CardGatewayUnavailable extends Error {}

type Answer = {
  status?: unknown;
  id?: unknown;
  last4?: unknown;
  brand?: unknown;
  reason?: unknown;
};

export class HttpCardGateway implements CardGateway {
  readonly #base: string;
  readonly #key: string;
  readonly #timeoutMs: number;

  constructor(config: HttpCardGatewayConfig) {
    this.#base = config.url.replace(/\/+$/, '');
    this.#key = config.apiKey;
    this.#timeoutMs = config.timeoutMs ?? 10_000;
  }

  charge(charge: CardCharge): Promise<CardOutcome> {
    return this.#call('/charges', charge.idempotencyKey, {
      token: charge.cardToken,
      amount_cents: charge.amountCents,
      currency: charge.currency,
      description: charge.description,
    });
  }

  refund(input: { processorReference: string; amountCents: number; idempotencyKey: string }): Promise<CardOutcome> {
    return this.#call('/refunds', input.idempotencyKey, {
      charge: input.processorReference,
      amount_cents: input.amountCents,
      currency: 'USD',
    });
  }

  async #call(path: string, idempotencyKey: string, body: Record<string, unknown>): Promise<CardOutcome> {
    let res: Response;
    let answer: Answer;
    try {
      res = await fetch(`${this.#base}${path}`, {
        method: 'POST',
        headers: {
          authorization: `Bearer ${this.#key}`,
          'idempotency-key': idempotencyKey,
          'content-type': 'application/json',
          accept: 'application/json',
        },
        body: JSON.stringify(body),
        signal: AbortSignal.timeout(this.#timeoutMs),
      });
      answer = (await res.json()) as Answer;
    } catch (e) {
      throw new CardGatewayUnavailable(`the card gateway did not answer: ${(e as Error).message}`);
    }
    const text = (v: unknown): string | null => (typeof v === 'string' && v.length > 0 ? v.slice(0, 100) : null);
    if (res.status === 200 && answer.status === 'approved') {
      const reference = text(answer.id);
      const last4 = text(answer.last4);
      if (!reference || !last4 || !/^[0-9]{4}$/.test(last4))
        throw new CardGatewayUnavailable('the card gateway approved without a reference or the last four digits');
      return { status: 'approved', processorReference: reference, last4, brand: text(answer.brand)?.slice(0, 40) ?? null };
    }
    if (res.status === 402 && answer.status === 'declined')
      return { status: 'declined', processorReference: text(answer.id), reason: text(answer.reason) ?? 'declined' };
    throw new CardGatewayUnavailable(`the card gateway answered ${res.status}`);
  }
}
