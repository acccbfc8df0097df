import { defineEvent } from '../shared/events.ts';

/**
 * A charge was created from a signed encounter's procedure line (in the signing transaction):
 * the ledger will post it as one balanced journal entry. `amountCents` is 0 for a charge that
 * still needs a price (`status: needs_price`).
 */
export interface ChargeCreatedPayload {
  chargeId: string;
  organizationId: string;
  patientId: string;
  encounterId: string;
  providerId: string;
  locationId: string;
  /** YYYY-MM-DD. */
  dateOfService: string;
  procedureCode: string;
  units: number;
  amountCents: number;
  status: 'needs_price' | 'review';
}

export const chargeCreated = defineEvent<ChargeCreatedPayload>('charge.created');
