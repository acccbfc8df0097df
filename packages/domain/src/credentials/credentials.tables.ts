import type { ColumnType, Generated } from 'kysely';

type Created = ColumnType<Date, Date | string | undefined, never>;
type Updated = ColumnType<Date, Date | string | undefined, Date | string>;

export const CREDENTIAL_KINDS = ['license', 'dea', 'board', 'bls', 'acls', 'malpractice'] as const;
export type CredentialKind = (typeof CREDENTIAL_KINDS)[number];
/** Days before the expiry at which the person and their managers are told (0: on expiry). */
export const ALERT_THRESHOLDS = [90, 30, 7, 0] as const;

export interface CredentialsTable {
  id: Generated<string>;
  organization_id: string;
  provider_id: string | null;
  user_id: string | null;
  kind: CredentialKind;
  number: string;
  state: string | null;
  issuer: Generated<string>;
  expires_on: string;
  renewed_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  version: Generated<number>;
  created_by: string | null;
  created_at: Created;
  updated_at: Updated;
}

export interface CredentialAlertsTable {
  organization_id: string;
  credential_id: string;
  expires_on: string;
  threshold_days: number;
  recipients: Generated<string[]>;
  created_at: Created;
  sent_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
}

export interface CredentialsTables {
  credentials: CredentialsTable;
  credential_alerts: CredentialAlertsTable;
}
