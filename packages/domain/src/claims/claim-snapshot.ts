/** What a claim bills, frozen when it is built (the `snapshot` column), and a scrub's result. */

export interface SnapshotAddress {
  line1: string;
  line2: string | null;
  city: string;
  state: string;
  postalCode: string;
}

export interface SnapshotPerson {
  givenName: string;
  familyName: string;
  birthDate: string | null;
  sex: 'female' | 'male' | 'unknown';
  address: SnapshotAddress | null;
}

export interface ClaimSnapshot {
  billingProvider: { name: string; npi: string | null; tin: string | null; address: SnapshotAddress | null };
  renderingProvider: { givenName: string; familyName: string; npi: string | null; taxonomy: string | null };
  referringProvider: { givenName: string; familyName: string; npi: string } | null;
  serviceFacility: { name: string; address: SnapshotAddress | null };
  /** `claimFilingIndicator` (SBR09): absent from claims built before payers kept one (then `CI`). */
  payer: { name: string; ediPayerId: string | null; timelyFilingDays: number; claimFilingIndicator?: string };
  coverage: { effectiveDate: string; terminationDate: string | null; priority: string };
  subscriber: SnapshotPerson & { memberId: string; groupNumber: string | null; relationship: string };
  patient: SnapshotPerson;
}

export interface ScrubMessage {
  rule: string;
  message: string;
  field: string;
  /** Warnings only: overridden by a biller (with a reason). */
  overridden?: boolean;
}

export interface ScrubResult {
  at: string;
  errors: ScrubMessage[];
  warnings: ScrubMessage[];
}
