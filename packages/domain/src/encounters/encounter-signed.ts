import { defineEvent } from '../shared/events.ts';

/** A procedure line as signed: the code, up to four modifiers, units, 1-based pointers into `diagnoses`. */
export interface SignedProcedureLine {
  code: string;
  modifiers: string[];
  units: number;
  diagnosisPointers: number[];
}

/**
 * The note is signed for good (by the rendering provider, and co-signed when the provider's
 * settings name a supervisor): billing creates charges from it, follow-ups land on the
 * worklist. Emitted once per encounter, inside the signing transaction.
 */
export interface EncounterSignedPayload {
  encounterId: string;
  organizationId: string;
  patientId: string;
  providerId: string;
  locationId: string;
  appointmentId: string | null;
  /** YYYY-MM-DD in the location's zone. */
  dateOfService: string;
  /** ISO instant (UTC). */
  signedAt: string;
  /** The user who completed the signature (the co-signer when one was needed). */
  signedBy: string;
  /** In order; codes with their dots (E11.9). */
  diagnoses: { code: string }[];
  procedures: SignedProcedureLine[];
  followUp: { inDays: number; appointmentTypeId: string | null; note: string | null } | null;
}

export const encounterSigned = defineEvent<EncounterSignedPayload>('encounter.signed');
