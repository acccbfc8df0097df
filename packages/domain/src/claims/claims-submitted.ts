import { defineEvent } from '../shared/events.ts';

/** One claim of a batch, as the ledger needs it to move the visit's balance to the payer. */
export interface SubmittedClaim {
  claimId: string;
  patientId: string;
  encounterId: string;
  payerId: string;
  locationId: string;
  totalChargeCents: number;
  /** 1 original, 7 replacement, 8 void. */
  frequencyCode: '1' | '7' | '8';
  /** The billed coverage's priority: primary, secondary, tertiary. */
  priority: string;
}

/**
 * Claims went to a payer in an 837P batch (in the batch's transaction): the ledger moves what
 * each bills from the patient's receivable to the payer's (once per claim, whatever batch
 * carries it again after a rejection).
 */
export interface ClaimsSubmittedPayload {
  batchId: string;
  claims: SubmittedClaim[];
}

export const claimsSubmitted = defineEvent<ClaimsSubmittedPayload>('claims.submitted');
