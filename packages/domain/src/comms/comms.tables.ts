import type { ColumnType, Generated } from 'kysely';

type Created = ColumnType<Date, Date | string | undefined, never>;
type Updated = ColumnType<Date, Date | string | undefined, Date | string>;
type OptionalInstant = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;

export type ChannelKind = 'email' | 'sms';
export type MessageStatus = 'queued' | 'sent' | 'delivered' | 'failed' | 'bounced' | 'skipped';
export type MessageKind = 'reminder' | 'waitlist_offer' | 'payment_receipt' | 'statement' | 'text' | 'recall';
export type InboundAction = 'confirmed' | 'cancelled' | 'opted_out' | 'opted_in' | 'inbox';
export type LinkPurpose = 'confirm' | 'cancel' | 'waitlist_accept';

export interface AppSecretsTable {
  name: string;
  value: Buffer;
  created_at: Created;
}

export interface CommsSettingsTable {
  organization_id: string;
  smtp_host: string | null;
  smtp_port: number | null;
  smtp_secure: Generated<boolean>;
  smtp_user: string | null;
  smtp_password: string | null;
  smtp_from: string | null;
  public_url: string | null;
  /** Migration 0240: the SMS provider account; the token is write-only through the API. */
  sms_account_sid: ColumnType<string | null, string | null | undefined, string | null>;
  sms_auth_token: ColumnType<string | null, string | null | undefined, string | null>;
  sms_from_number: ColumnType<string | null, string | null | undefined, string | null>;
  sms_api_base_url: ColumnType<string | null, string | null | undefined, string | null>;
  /** Local 'HH:MM:SS' of the location: texts wait outside [from, until). */
  sms_send_from: ColumnType<string, string | undefined, string>;
  sms_send_until: ColumnType<string, string | undefined, string>;
  updated_at: Updated;
}

export interface ReminderRulesTable {
  id: Generated<string>;
  organization_id: string;
  hours_before: number;
  channel: Generated<ChannelKind>;
  active: Generated<boolean>;
  created_at: Created;
}

export interface MessagesTable {
  id: Generated<string>;
  organization_id: string;
  patient_id: string;
  appointment_id: string | null;
  rule_id: string | null;
  kind: MessageKind;
  channel: ChannelKind;
  to_address: string | null;
  subject: Generated<string>;
  status: Generated<MessageStatus>;
  provider_message_id: string | null;
  error: string | null;
  skip_reason: string | null;
  offer_id: string | null;
  /** The payment whose receipt the message carries (migration 0225). */
  payment_id: ColumnType<string | null, string | null | undefined, string | null>;
  /** Migration 0240: a text's words, its writer at the desk, and the zone whose quiet hours hold it. */
  body: ColumnType<string | null, string | null | undefined, string | null>;
  sent_by: ColumnType<string | null, string | null | undefined, string | null>;
  zone: ColumnType<string | null, string | null | undefined, string | null>;
  sent_at: OptionalInstant;
  created_at: Created;
}

export interface SignedLinksTable {
  id: Generated<string>;
  organization_id: string;
  token_hash: Buffer;
  purpose: LinkPurpose;
  subject_id: string;
  patient_id: string;
  expires_at: ColumnType<Date, Date | string, Date | string>;
  used_at: OptionalInstant;
  created_at: Created;
}

export interface SmsInboundTable {
  id: Generated<string>;
  organization_id: string;
  message_sid: string;
  from_number: string;
  to_number: string;
  body: string;
  patient_id: string | null;
  action: InboundAction;
  appointment_id: string | null;
  handled_at: OptionalInstant;
  handled_by: string | null;
  received_at: Created;
}

export interface CommsTables {
  app_secrets: AppSecretsTable;
  comms_settings: CommsSettingsTable;
  reminder_rules: ReminderRulesTable;
  messages: MessagesTable;
  signed_links: SignedLinksTable;
  sms_inbound: SmsInboundTable;
}
