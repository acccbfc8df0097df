import type { ColumnType, Generated } from 'kysely';
import type { Role } from '../access/index.ts';

type Created = ColumnType<Date, Date | string | undefined, never>;
type Instant = ColumnType<Date, Date | string, Date | string>;

export interface UsersTable {
  id: Generated<string>;
  organization_id: string;
  email: string;
  display_name: string;
  password_hash: string | null;
  active: Generated<boolean>;
  provider_id: string | null;
  mfa_secret: string | null;
  mfa_enabled: Generated<boolean>;
  mfa_last_step: number | null;
  password_changed_at: Instant | null;
  created_at: Created;
  deactivated_at: Instant | null;
  version: Generated<number>;
}

export interface UserRolesTable {
  id: Generated<string>;
  organization_id: string;
  user_id: string;
  role: Role;
  location_id: string | null;
  created_at: Created;
}

export interface MfaRecoveryCodesTable {
  id: Generated<string>;
  user_id: string;
  code_hash: string;
  used_at: Instant | null;
}

export interface SessionsTable {
  id: Generated<string>;
  organization_id: string;
  user_id: string;
  token_hash: Buffer;
  created_at: Instant;
  last_seen_at: Instant;
  idle_timeout_seconds: number;
  expires_at: Instant;
  mfa_pending: Generated<boolean>;
  ended_at: Instant | null;
  end_reason: string | null;
  ip: string | null;
  user_agent: string | null;
}

export interface LoginFailuresTable {
  id: Generated<number>;
  email: string | null;
  ip: string | null;
  at: Instant;
}

export interface LoginLockoutsTable {
  scope: 'account' | 'ip';
  key: string;
  until: Instant;
}

export interface UserInvitesTable {
  id: Generated<string>;
  organization_id: string;
  user_id: string;
  token_hash: Buffer;
  created_by: string | null;
  created_at: Instant;
  expires_at: Instant;
  used_at: Instant | null;
}

export interface IdentityTables {
  users: UsersTable;
  user_roles: UserRolesTable;
  mfa_recovery_codes: MfaRecoveryCodesTable;
  sessions: SessionsTable;
  login_failures: LoginFailuresTable;
  login_lockouts: LoginLockoutsTable;
  user_invites: UserInvitesTable;
}
