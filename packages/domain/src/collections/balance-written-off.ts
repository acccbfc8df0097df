import { defineEvent } from '../shared/events.ts';

/**
 * A small patient balance was written off by a collections batch (emitted in the batch's
 * transaction, once per patient): the ledger posts Dr write-offs, and per visit Cr patient A/R
 * (a credit on account or on a visit is applied: Dr patient A/R), so the patient owes nothing.
 */
export interface BalanceWrittenOffPayload {
  writeOffId: string;
  batchId: string;
  patientId: string;
  postingDate: string;
  locationId: string | null;
  /** The patient balance written off: the sum of `visits`. */
  amountCents: number;
  /** The patient part of each open visit (null: on account); negative: a credit applied. */
  visits: { encounterId: string | null; patientCents: number }[];
}

export const balanceWrittenOff = defineEvent<BalanceWrittenOffPayload>('collections.balance-written-off');
