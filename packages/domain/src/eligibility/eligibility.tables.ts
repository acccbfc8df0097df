import type { ColumnType, Generated } from 'kysely';

type Created = ColumnType<Date, Date | string | undefined, never>;

export interface EligibilityRequestsTable {
  id: Generated<string>;
  organization_id: string;
  patient_id: string;
  coverage_id: string;
  payer_id: string;
  trace_number: string;
  interchange_control_number: number;
  service_date: string;
  x12: string;
  created_by: string | null;
  created_at: Created;
}

export interface EligibilityResponsesTable {
  id: Generated<string>;
  organization_id: string;
  request_id: string;
  patient_id: string;
  coverage_id: string;
  status: 'active' | 'inactive' | 'unknown' | 'rejected';
  plan_name: string | null;
  copay_cents: number | null;
  coinsurance_basis_points: number | null;
  deductible_cents: number | null;
  deductible_remaining_cents: number | null;
  out_of_pocket_cents: number | null;
  out_of_pocket_remaining_cents: number | null;
  rejection_reasons: ColumnType<string[], string[] | undefined, string[]>;
  checked_on: string;
  x12_sha256: string;
  x12: string;
  created_by: string | null;
  created_at: Created;
}

export interface EligibilityTables {
  eligibility_requests: EligibilityRequestsTable;
  eligibility_responses: EligibilityResponsesTable;
}
