import type { ColumnType, Generated } from 'kysely';
import type { ClaimFilingIndicator } from './insurance.schemas.ts';

type Created = ColumnType<Date, Date | string | undefined, never>;
type Updated = ColumnType<Date, Date | string | undefined, Date | string>;

export interface PostalAddress {
  line1: string;
  line2?: string | null;
  city: string;
  state: string;
  postalCode: string;
}

export interface PayersTable {
  id: Generated<string>;
  organization_id: string;
  name: string;
  edi_payer_id: string | null;
  address: ColumnType<PostalAddress | null, string | null, string | null>;
  phone: string | null;
  claim_type: Generated<'professional'>;
  timely_filing_days: Generated<number>;
  /** SBR09 code (CLAIM_FILING_INDICATORS; migration 0170). */
  claim_filing_indicator: ColumnType<ClaimFilingIndicator, ClaimFilingIndicator | undefined, ClaimFilingIndicator>;
  active: Generated<boolean>;
  version: Generated<number>;
  created_at: Created;
  updated_at: Updated;
}

export interface SubscriberRow {
  givenName: string;
  familyName: string;
  birthDate: string;
  sex: 'female' | 'male' | 'unknown';
  address: PostalAddress | null;
}

export interface CopaysRow {
  office?: number;
  specialist?: number;
  urgentCare?: number;
  emergency?: number;
  telehealth?: number;
}

export interface CoveragesTable {
  id: Generated<string>;
  organization_id: string;
  patient_id: string;
  payer_id: string;
  plan_name: string | null;
  member_id: string;
  group_number: string | null;
  subscriber: ColumnType<SubscriberRow | null, string | null, string | null>;
  relationship: Generated<string>;
  priority: 'primary' | 'secondary' | 'tertiary';
  effective_date: string;
  termination_date: string | null;
  copays: ColumnType<CopaysRow, string | undefined, string>;
  active: Generated<boolean>;
  version: Generated<number>;
  created_at: Created;
  updated_at: Updated;
}

export interface InsuranceTables {
  payers: PayersTable;
  coverages: CoveragesTable;
}
