import { defineEvent } from '../shared/events.ts';

/** One claim a remittance posted (all integer cents; a reversal's amounts are negative). */
export interface RemittancePostedClaim {
  claimId: string;
  patientId: string;
  encounterId: string;
  payerId: string;
  remittanceClaimId: string;
  patientControlNumber: string;
  /** CLP02: 1-3 processed, 4 denied, 22 reversal. */
  claimStatusCode: string;
  chargeCents: number;
  paidCents: number;
  patientResponsibilityCents: number;
  /** Claim and line CAS adjustments together (group CO/PR/OA/PI/CR, CARC, amount). */
  adjustments: { group: string; reasonCode: string; amountCents: number }[];
}

/**
 * A payment (one 835 transaction) posted, with only what THIS import posted (a replay emits
 * nothing for claims already posted). Balanced by construction, so the ledger can turn it into one
 * journal entry: `paymentCents` = Σ claims[].paidCents − Σ providerAdjustments[].amountCents
 * (cash against receivables, PLB interest/recoupments against their own accounts), and for each
 * claim chargeCents − paidCents = Σ its adjustments (contractual CO write-down, PR moved to the patient).
 * Sent only when the payment itself is new (its PLB lines post once with it) or claims were posted.
 */
export interface RemittancePostedPayload {
  organizationId: string;
  fileId: string;
  paymentId: string;
  traceNumber: string;
  payerName: string;
  /**
   * The cash this event posts: Σ claims[].paidCents − Σ providerAdjustments[].amountCents. The
   * file's whole BPR02 only when every claim of the payment posts at once; a payment posted in parts
   * (a claim matched later from the reconciliation queue) sends each part's own amount.
   */
  paymentCents: number;
  paymentDate: string | null;
  /** True when this import created the payment: its PLB lines are in `providerAdjustments`. */
  newPayment: boolean;
  providerAdjustments: { reasonCode: string; reference: string | null; amountCents: number }[];
  claims: RemittancePostedClaim[];
}

/** What a remittance.posted event moves in cash (see `paymentCents`). */
export function postedCashCents(p: Pick<RemittancePostedPayload, 'claims' | 'providerAdjustments'>): number {
  return p.claims.reduce((s, c) => s + c.paidCents, 0) - p.providerAdjustments.reduce((s, a) => s + a.amountCents, 0);
}

export const remittancePosted = defineEvent<RemittancePostedPayload>('remittance.posted');
