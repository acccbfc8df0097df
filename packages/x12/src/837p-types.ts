/** Typed input of the 837P builder and output of the 837P reader (005010X222A1). Dates are `YYYY-MM-DD`, money integer cents. */

export interface Address {
  line1: string;
  line2?: string;
  city: string;
  state: string;
  postalCode: string;
}

export interface PersonName {
  last: string;
  first?: string;
  middle?: string;
  suffix?: string;
}

/** One CAS adjustment: group code (CO, PR, OA, PI, CR), CARC reason code, amount and optional quantity. */
export interface CasAdjustment {
  group: string;
  reasonCode: string;
  amountCents: number;
  quantity?: number;
}

export interface ServiceLine837 {
  procedureCode: string;
  modifiers: string[];
  chargeCents: number;
  units: number;
  /** 1-based pointers into the claim's diagnoses (at most 4). */
  diagnosisPointers: number[];
  /** Defaults to the claim's date of service. */
  dateOfService?: string;
  /**
   * REF*6R (2400), at most 50 characters: the sender's id of the line, which an 835 returns in
   * its own REF*6R so a payment maps back to the line.
   */
  lineItemControlNumber?: string;
}

/** A line's adjudication by another payer (loop 2430). `lineNumber` is the 1-based LX of the line. */
export interface OtherPayerLine837 {
  lineNumber: number;
  paidCents: number;
  adjustments: CasAdjustment[];
}

/** A payer that already adjudicated the claim (loops 2320/2330A/2330B, 2430), for secondary/tertiary claims. */
export interface OtherPayer837 {
  responsibility: 'P' | 'S' | 'T';
  /** SBR02 individual relationship code of the other subscriber to the patient ('18' self). */
  relationship?: string;
  groupNumber?: string;
  claimFilingIndicator: string;
  subscriber: { memberId: string; name: PersonName };
  payer: { name: string; payerId: string };
  paidCents: number;
  adjustments: CasAdjustment[];
  /** Remittance date of the other payer (DTP*573). */
  adjudicationDate: string;
  lines: OtherPayerLine837[];
}

export interface Claim837 {
  /** CLM01, the practice's own claim identifier. */
  patientControlNumber: string;
  /** CLM02; must equal the sum of the lines' charges. */
  totalChargeCents: number;
  placeOfService: string;
  frequencyCode: '1' | '7' | '8';
  /** REF*F8, required for frequency 7 and 8. */
  payerClaimControlNumber?: string;
  /** REF*G1. */
  priorAuthorization?: string;
  subscriber: {
    memberId: string;
    name: PersonName;
    /**
     * 2010BA DMG, written only when the subscriber is the patient (relationship 18), as the TR3
     * requires ("if not required, do not send"); the patient's own DMG is in 2010CA otherwise.
     */
    dateOfBirth?: string;
    sex?: 'M' | 'F' | 'U';
    address?: Address;
    groupNumber?: string;
    /** SBR09, e.g. CI, MB, MC, BL. */
    claimFilingIndicator: string;
    /** SBR01: this payer's responsibility, 'P' unless the claim is secondary/tertiary. */
    payerResponsibility: 'P' | 'S' | 'T';
    /** Patient's relationship to the subscriber: '18' self, else PAT01 code (01 spouse, 19 child, G8 other...). */
    relationship: string;
  };
  /** The patient when not the subscriber (loop 2000C/2010CA). */
  patient?: { name: PersonName; dateOfBirth: string; sex: 'M' | 'F' | 'U'; address?: Address };
  payer: { name: string; payerId: string; address?: Address };
  /** ICD-10-CM codes, principal first; written without the dot (ABK, then ABF). At most 12. */
  diagnoses: string[];
  renderingProvider?: { npi: string; name: PersonName; taxonomy?: string };
  referringProvider?: { npi: string; name: PersonName };
  serviceFacility?: { name: string; npi?: string; address: Address };
  /**
   * Date of service of the lines that give none. The 837P carries dates per line only (DTP*472): the
   * reader returns the first line's date here and a line date only where it differs.
   */
  dateOfService: string;
  lines: ServiceLine837[];
  otherPayers?: OtherPayer837[];
  /**
   * The billing provider (2010AA) of this claim when it is not the batch's: the builder writes one
   * 2000A loop per billing provider (first seen first) with its claims under it; the reader sets it
   * on claims found under another 2000A than the first.
   */
  billingProvider?: BillingProvider837;
}

export interface BillingProvider837 {
  npi: string;
  taxId: string;
  /** Organization name, or last name when `firstName` is given (individual). */
  name: string;
  firstName?: string;
  address: Address;
  taxonomy?: string;
}

export interface Claim837Batch {
  submitter: { id: string; name: string; contactName: string; phone: string; email?: string; interchangeQualifier?: string };
  receiver: { id: string; name: string; interchangeQualifier?: string };
  /** The billing provider of the claims that name none of their own (and of the first 2000A). */
  billingProvider: BillingProvider837;
  payToAddress?: Address;
  claims: Claim837[];
}
