import type { ColumnType, Generated } from 'kysely';
import type { Role } from '../access/index.ts';

type Created = ColumnType<Date, Date | string | undefined, never>;
type Updated = ColumnType<Date, Date | string | undefined, Date | string>;
type Instant = ColumnType<Date, Date | string, Date | string>;

export const EMPLOYMENT_TYPES = ['full_time', 'part_time', 'per_diem', 'contract'] as const;
export type EmploymentType = (typeof EMPLOYMENT_TYPES)[number];
export const POSITION_STATUSES = ['open', 'on_hold', 'filled', 'closed'] as const;
export type PositionStatus = (typeof POSITION_STATUSES)[number];
export const APPLICANT_SOURCES = ['referral', 'job_board', 'website', 'walk_in', 'agency', 'other'] as const;
export type ApplicantSource = (typeof APPLICANT_SOURCES)[number];
/** The pipeline in order, then the two ways out of it. */
export const STAGES = ['applied', 'screening', 'interview', 'offer', 'hired', 'rejected', 'withdrawn'] as const;
export type Stage = (typeof STAGES)[number];

export interface HiringPositionsTable {
  id: Generated<string>;
  organization_id: string;
  location_id: string;
  title: string;
  role: Role;
  employment_type: EmploymentType;
  openings: number;
  status: Generated<PositionStatus>;
  opened_on: string;
  description: Generated<string>;
  hiring_manager_id: string;
  filled_at: Instant | null;
  version: Generated<number>;
  created_at: Created;
  updated_at: Updated;
}

export interface HiringApplicantsTable {
  id: Generated<string>;
  organization_id: string;
  position_id: string;
  name: string;
  email: string;
  phone: string | null;
  source: ApplicantSource;
  stage: Generated<Stage>;
  closed_reason: string | null;
  interview_at: Instant | null;
  notes: Generated<string>;
  hired_at: Instant | null;
  version: Generated<number>;
  created_at: Created;
  updated_at: Updated;
}

export interface HiringStageMovesTable {
  id: Generated<string>;
  seq: ColumnType<number, never, never>;
  organization_id: string;
  applicant_id: string;
  from_stage: Stage | null;
  to_stage: Stage;
  note: string | null;
  reason: string | null;
  interview_at: Instant | null;
  moved_by: string | null;
  moved_at: Instant;
}

export interface HiringOnboardingsTable {
  id: Generated<string>;
  organization_id: string;
  applicant_id: string;
  position_id: string;
  user_id: string | null;
  account_created_at: Instant | null;
  account_created_by: string | null;
  profile_filled_at: Instant | null;
  version: Generated<number>;
  created_at: Created;
  updated_at: Updated;
}

export interface HiringOnboardingItemsTable {
  id: Generated<string>;
  organization_id: string;
  onboarding_id: string;
  label: string;
  position: number;
  done_at: Instant | null;
  done_by: string | null;
  created_at: Created;
}

export interface HiringTables {
  hiring_positions: HiringPositionsTable;
  hiring_applicants: HiringApplicantsTable;
  hiring_stage_moves: HiringStageMovesTable;
  hiring_onboardings: HiringOnboardingsTable;
  hiring_onboarding_items: HiringOnboardingItemsTable;
}
