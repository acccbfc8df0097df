import { defineEvent } from '../shared/events.ts';

/**
 * What was left of a claim was written off (in the write-off's transaction): the ledger will post
 * it as one balanced journal entry (an adjustment against the patient's insurance receivable).
 */
export interface ClaimWrittenOffPayload {
  writeOffId: string;
  organizationId: string;
  claimId: string;
  patientId: string;
  payerId: string;
  encounterId: string;
  /** Integer cents, > 0. */
  amountCents: number;
  reason: string;
  /** ISO instant. */
  at: string;
}

export const claimWrittenOff = defineEvent<ClaimWrittenOffPayload>('claim.written-off');
