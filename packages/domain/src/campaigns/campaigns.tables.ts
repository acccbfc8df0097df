import type { ColumnType, Generated } from 'kysely';
import type { RecallType } from '../followups/index.ts';

type Created = ColumnType<Date, Date | string | undefined, never>;
type Updated = ColumnType<Date, Date | string | undefined, Date | string>;
type OptionalInstant = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;

export const CAMPAIGN_STATUSES = ['draft', 'running', 'paused', 'stopped'] as const;
export type CampaignStatus = (typeof CAMPAIGN_STATUSES)[number];
export const STAGES = ['email', 'sms', 'letter'] as const;
export type Stage = (typeof STAGES)[number];
export type MemberStage = Stage | 'done';
export const RESPONSES = ['none', 'booked', 'declined', 'unreachable'] as const;
export type Response = (typeof RESPONSES)[number];
export const SEND_OUTCOMES = ['sent', 'no_consent', 'no_contact'] as const;
export type SendOutcome = (typeof SEND_OUTCOMES)[number];

export interface RecallCampaignsTable {
  id: Generated<string>;
  organization_id: string;
  name: string;
  recall_types: ColumnType<RecallType[], RecallType[], RecallType[]>;
  due_on_or_before: string;
  location_id: string | null;
  provider_id: string | null;
  email_after_days: Generated<number>;
  sms_after_days: Generated<number>;
  letter_after_days: Generated<number>;
  letter_template_id: string | null;
  status: Generated<CampaignStatus>;
  started_at: OptionalInstant;
  stopped_at: OptionalInstant;
  enrolled: Generated<number>;
  capped: Generated<boolean>;
  created_by: string | null;
  version: Generated<number>;
  created_at: Created;
  updated_at: Updated;
}

export interface RecallCampaignMembersTable {
  id: Generated<string>;
  organization_id: string;
  campaign_id: string;
  recall_id: string;
  patient_id: string;
  recall_type: RecallType;
  recall_due_date: string;
  stage: Generated<MemberStage>;
  next_stage_at: OptionalInstant;
  response: Generated<Response>;
  response_note: Generated<string>;
  responded_at: OptionalInstant;
  responded_by: string | null;
  open: Generated<boolean>;
  enrolled_at: ColumnType<Date, Date | string, never>;
  version: Generated<number>;
  updated_at: Updated;
}

/** Append-only (migration 0255): INSERT and SELECT only. */
export interface RecallCampaignSendsTable {
  id: Generated<string>;
  organization_id: string;
  campaign_id: string;
  member_id: string;
  stage: Stage;
  outcome: SendOutcome;
  message_id: string | null;
  letter_id: string | null;
  created_at: ColumnType<Date, Date | string, never>;
}

export interface CampaignsTables {
  recall_campaigns: RecallCampaignsTable;
  recall_campaign_members: RecallCampaignMembersTable;
  recall_campaign_sends: RecallCampaignSendsTable;
}
