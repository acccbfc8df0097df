import type { ColumnType, Generated } from 'kysely';

type Created = ColumnType<Date, Date | string | undefined, never>;
type Updated = ColumnType<Date, Date | string | undefined, Date | string>;
type OptionalInstant = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;

export type FollowUpStatus = 'open' | 'booked' | 'closed';
export const RECALL_TYPES = ['annual_physical', 'wellness', 'diabetic_eye', 'mammogram', 'colonoscopy', 'lab', 'other'] as const;
export type RecallType = (typeof RECALL_TYPES)[number];
export const RECALL_STATUSES = ['due', 'contacted', 'booked', 'closed'] as const;
export type RecallStatus = (typeof RECALL_STATUSES)[number];
export const CONTACT_METHODS = ['phone', 'sms', 'email', 'letter', 'in_person'] as const;
export type ContactMethod = (typeof CONTACT_METHODS)[number];
export const CONTACT_OUTCOMES = ['reached', 'left_message', 'no_answer', 'wrong_number', 'declined', 'booked'] as const;
export type ContactOutcome = (typeof CONTACT_OUTCOMES)[number];

export interface FollowUpsTable {
  id: Generated<string>;
  organization_id: string;
  patient_id: string;
  provider_id: string | null;
  location_id: string;
  encounter_id: string | null;
  appointment_type_id: string | null;
  due_date: string;
  note: Generated<string>;
  status: Generated<FollowUpStatus>;
  appointment_id: string | null;
  closed_reason: string | null;
  closed_at: OptionalInstant;
  created_by: string | null;
  version: Generated<number>;
  created_at: Created;
  updated_at: Updated;
}

export interface RecallsTable {
  id: Generated<string>;
  organization_id: string;
  patient_id: string;
  recall_type: RecallType;
  label: string | null;
  due_date: string;
  provider_id: string | null;
  status: Generated<RecallStatus>;
  note: Generated<string>;
  created_by: string | null;
  version: Generated<number>;
  created_at: Created;
  updated_at: Updated;
}

/** Append-only (migration 0146): INSERT and SELECT only. */
export interface RecallContactsTable {
  id: Generated<string>;
  organization_id: string;
  recall_id: string;
  contacted_at: ColumnType<Date, Date | string, never>;
  user_id: string | null;
  method: ContactMethod;
  outcome: ContactOutcome;
  note: Generated<string>;
  created_at: Created;
}

export interface FollowupsTables {
  follow_ups: FollowUpsTable;
  recalls: RecallsTable;
  recall_contacts: RecallContactsTable;
}
