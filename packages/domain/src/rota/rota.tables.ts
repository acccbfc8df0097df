import type { ColumnType, Generated } from 'kysely';

type Created = ColumnType<Date, Date | string | undefined, never>;
type Updated = ColumnType<Date, Date | string | undefined, Date | string>;
type OptionalInstant = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
type Instant = ColumnType<Date, Date | string, Date | string>;

/** What someone does on a shift: not an account role (medical assistants hold none). */
export const DUTIES = ['provider', 'nurse', 'medical_assistant', 'front_desk', 'office_manager', 'biller'] as const;
export type Duty = (typeof DUTIES)[number];
export const SWAP_STATUSES = ['pending', 'approved', 'denied', 'withdrawn'] as const;
export type SwapStatus = (typeof SWAP_STATUSES)[number];
export const TIME_OFF_STATUSES = ['pending', 'approved', 'denied', 'cancelled'] as const;
export type TimeOffStatus = (typeof TIME_OFF_STATUSES)[number];
export const ON_CALL_TIERS = ['primary', 'backup'] as const;
export type OnCallTier = (typeof ON_CALL_TIERS)[number];
export const COVERAGE_KINDS = ['minimum', 'support'] as const;
export type CoverageKind = (typeof COVERAGE_KINDS)[number];

export interface ShiftTemplatesTable {
  id: Generated<string>;
  organization_id: string;
  location_id: string;
  name: string;
  duty: Duty;
  start_time: string;
  end_time: string;
  active: Generated<boolean>;
  created_at: Created;
}

export interface ShiftsTable {
  id: Generated<string>;
  organization_id: string;
  location_id: string;
  user_id: string;
  duty: Duty;
  starts_at: Instant;
  ends_at: Instant;
  template_id: string | null;
  note: Generated<string>;
  created_by: string | null;
  version: Generated<number>;
  created_at: Created;
  updated_at: Updated;
}

export interface ShiftSwapsTable {
  id: Generated<string>;
  organization_id: string;
  shift_id: string;
  requested_by: string;
  to_user_id: string;
  counter_shift_id: string | null;
  note: Generated<string>;
  status: Generated<SwapStatus>;
  decided_by: string | null;
  decided_at: OptionalInstant;
  created_at: Created;
}

export interface CoverageRulesTable {
  id: Generated<string>;
  organization_id: string;
  location_id: string;
  kind: CoverageKind;
  duty: Duty;
  support_duties: ColumnType<Duty[], Duty[] | undefined, Duty[]>;
  min_count: Generated<number>;
  weekdays: ColumnType<number[], number[] | undefined, number[]>;
  start_time: string | null;
  end_time: string | null;
  label: Generated<string>;
  created_at: Created;
}

export interface TimeOffTable {
  id: Generated<string>;
  organization_id: string;
  location_id: string;
  user_id: string | null;
  provider_id: string | null;
  start_date: string;
  end_date: string;
  reason: Generated<string>;
  status: Generated<TimeOffStatus>;
  requested_by: string | null;
  decided_by: string | null;
  decided_at: OptionalInstant;
  decision_note: Generated<string>;
  exception_id: string | null;
  version: Generated<number>;
  created_at: Created;
  updated_at: Updated;
}

export interface OnCallShiftsTable {
  id: Generated<string>;
  organization_id: string;
  location_id: string;
  user_id: string;
  tier: Generated<OnCallTier>;
  starts_at: Instant;
  ends_at: Instant;
  note: Generated<string>;
  created_by: string | null;
  created_at: Created;
}

export interface OnCallIcalTokensTable {
  id: Generated<string>;
  organization_id: string;
  user_id: string;
  token_hash: Buffer;
  created_by: string | null;
  created_at: Created;
  revoked_at: OptionalInstant;
}

export interface HandoversTable {
  id: Generated<string>;
  organization_id: string;
  location_id: string;
  written_by: string;
  to_user_id: string | null;
  open_items: Generated<string>;
  patients_waiting: Generated<string>;
  tasks_due: Generated<string>;
  written_at: Created;
  acknowledged_by: string | null;
  acknowledged_at: OptionalInstant;
}

export interface RotaTables {
  shift_templates: ShiftTemplatesTable;
  shifts: ShiftsTable;
  shift_swaps: ShiftSwapsTable;
  coverage_rules: CoverageRulesTable;
  time_off: TimeOffTable;
  on_call_shifts: OnCallShiftsTable;
  on_call_ical_tokens: OnCallIcalTokensTable;
  handovers: HandoversTable;
}
