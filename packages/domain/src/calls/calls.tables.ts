import type { ColumnType, Generated } from 'kysely';

type Created = ColumnType<Date, Date | string | undefined, never>;
type Updated = ColumnType<Date, Date | string | undefined, Date | string>;

export const CALL_DIRECTIONS = ['inbound', 'outbound'] as const;
export type CallDirection = (typeof CALL_DIRECTIONS)[number];
export const CALL_REASONS = ['appointment', 'refill_request', 'billing_question', 'results', 'complaint', 'other'] as const;
export type CallReason = (typeof CALL_REASONS)[number];
/**
 * What happened. Inbound only: `missed` (nobody picked up), `voicemail` (they left one). Outbound
 * only: `left_voicemail`, `no_answer`. Either way: resolved, message taken, wrong number.
 */
export const CALL_OUTCOMES = ['resolved', 'message_taken', 'left_voicemail', 'voicemail', 'missed', 'no_answer', 'wrong_number'] as const;
export type CallOutcome = (typeof CALL_OUTCOMES)[number];
/** Inbound calls nobody answered: they wait for a call back. */
export const UNANSWERED_OUTCOMES: readonly CallOutcome[] = ['missed', 'voicemail'];
export const FOLLOW_UP_STATES = ['none', 'open', 'done'] as const;
export type FollowUpState = (typeof FOLLOW_UP_STATES)[number];

export interface CallsTable {
  id: Generated<string>;
  organization_id: string;
  location_id: string;
  direction: CallDirection;
  phone: string;
  patient_id: string | null;
  reason: CallReason;
  note: Generated<string>;
  outcome: CallOutcome | null;
  follow_up: Generated<FollowUpState>;
  assigned_to: string | null;
  task_id: string | null;
  taken_by: string | null;
  occurred_at: ColumnType<Date, Date | string, Date | string>;
  version: Generated<number>;
  created_at: Created;
  updated_at: Updated;
}

export interface CallsTables {
  calls: CallsTable;
}
