/**
 * The ledger's way to a card processor (issue: patient accounts and office finance). No
 * live processor is reachable from ClinicDesk's tests; a local fake that checks each
 * request stands in for one, behind this interface. Card numbers never reach ClinicDesk:
 * the processor's terminal or hosted form tokenizes the card, and we keep its reference
 * and the last four digits.
 */
export interface CardCharge {
  /** What the processor gave the terminal or hosted form for this card. */
  cardToken: string;
  amountCents: number;
  currency: 'USD';
  /**
   * The payment's Idempotency-Key: a retried call after a timeout must not charge twice;
   * the processor answers the first outcome again.
   */
  idempotencyKey: string;
  /** Shown on the statement and in the processor's console. */
  description: string;
}

export type CardOutcome =
  | { status: 'approved'; processorReference: string; last4: string; brand: string | null }
  | { status: 'declined'; processorReference: string | null; reason: string };

export interface CardGateway {
  charge(charge: CardCharge): Promise<CardOutcome>;
  /** Return all or part of an approved charge; idempotent on `idempotencyKey` as above. */
  refund(input: { processorReference: string; amountCents: number; idempotencyKey: string }): Promise<CardOutcome>;
}
