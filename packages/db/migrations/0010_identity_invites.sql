-- Invitations: a one-time link that lets a new (or reset) account choose its password.
-- Only the SHA-256 of the token is stored, like sessions.
create table user_invites (
  id uuid primary key default gen_random_uuid(),
  organization_id uuid not null references organizations (id),
  user_id uuid not null references users (id),
  token_hash bytea not null unique,
  created_by uuid references users (id),
  created_at timestamptz not null,
  expires_at timestamptz not null,
  used_at timestamptz,
  check (expires_at > created_at)
);
create index user_invites_user on user_invites (user_id) where used_at is null;

-- Recovery codes belong to one user; lookups are by user and unused.
create index mfa_recovery_codes_unused on mfa_recovery_codes (user_id) where used_at is null;

-- Throttling counts failures per account and per IP inside a window; successful
-- logins clear only their own account's rows.
create index login_failures_at on login_failures (at);
