import { defineEvent } from '../shared/events.ts';

/**
 * A biller approved a charge (in the approving transaction): the charge is final and the ledger
 * posts it as revenue receivable from the patient until a claim bills it to a payer.
 */
export interface ChargeApprovedPayload {
  chargeId: string;
  patientId: string;
  encounterId: string;
  providerId: string;
  locationId: string;
  /** YYYY-MM-DD. */
  dateOfService: string;
  procedureCode: string;
  amountCents: number;
}

export const chargeApproved = defineEvent<ChargeApprovedPayload>('charge.approved');

/** A charge was voided (in the voiding transaction); `wasApproved`: the ledger had posted it. */
export interface ChargeVoidedPayload {
  chargeId: string;
  patientId: string;
  encounterId: string;
  locationId: string;
  amountCents: number;
  wasApproved: boolean;
  reason: string;
}

export const chargeVoided = defineEvent<ChargeVoidedPayload>('charge.voided');
