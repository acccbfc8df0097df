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
  /** The patient's phone (E.164) for CMS-1500 box 5 (and 7 when the patient is the insured); absent from claims built before it was kept. */
  phone?: string | null;
}

/** One CAS adjustment a payer made: group (CO, PR, OA, PI, CR), CARC reason code, integer cents. */
export interface SnapshotAdjustment {
  group: string;
  reasonCode: string;
  amountCents: number;
}

/**
 * An earlier payer's adjudication of the same visit, frozen into a secondary (or tertiary) claim
 * when it is built, so its 837P (loops 2320/2330A/2330B/2430) reads the same whenever it is rebuilt.
 */
export interface SnapshotOtherPayer {
  /** The earlier payer's claim (ours) and what it paid. */
  claimId: string;
  patientControlNumber: string;
  payerClaimControlNumber: string | null;
  responsibility: 'P' | 'S' | 'T';
  payer: { name: string; ediPayerId: string | null };
  subscriber: { givenName: string; familyName: string; memberId: string; groupNumber: string | null; relationship: string };
  paidCents: number;
  patientResponsibilityCents: number;
  /** DTP*573: the remittance's paid date (the day the claim was built when the remittance gave none). */
  adjudicationDate: string;
  adjustments: SnapshotAdjustment[];
  /** Per line of THIS claim (1-based), matched to the earlier claim's line through the charge it bills. */
  lines: { lineNumber: number; paidCents: number; adjustments: SnapshotAdjustment[]; remarkCodes: string[] }[];
}

export interface ClaimSnapshot {
  /** `phone` (E.164, CMS-1500 box 33): the location's phone; absent from claims built before it was kept. */
  billingProvider: { name: string; npi: string | null; tin: string | null; address: SnapshotAddress | null; phone?: string | null };
  renderingProvider: { givenName: string; familyName: string; npi: string | null; taxonomy: string | null };
  referringProvider: { givenName: string; familyName: string; npi: string } | null;
  /** `npi` (CMS-1500 32a): the location's NPI; absent from claims built before it was kept (then the billing NPI). */
  serviceFacility: { name: string; address: SnapshotAddress | null; npi?: string | null };
  /** `claimFilingIndicator` (SBR09): absent from claims built before payers kept one (then `CI`). */
  payer: { name: string; ediPayerId: string | null; timelyFilingDays: number; claimFilingIndicator?: string };
  coverage: { effectiveDate: string; terminationDate: string | null; priority: string };
  subscriber: SnapshotPerson & { memberId: string; groupNumber: string | null; relationship: string };
  patient: SnapshotPerson;
  /** Secondary and tertiary claims only: the payers before this one, in order. */
  otherPayers?: SnapshotOtherPayer[];
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
