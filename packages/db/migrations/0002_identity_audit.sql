-- Identity (users, roles per location, sessions) and the append-only audit trail.

create table users (
  id uuid primary key default gen_random_uuid(),
  organization_id uuid not null references organizations (id),
  email text not null check (email = lower(email) and email like '%_@_%'),
  display_name text not null check (length(display_name) between 1 and 200),
  password_hash text check (password_hash like '$argon2id$%'),
  active boolean not null default true,
  -- A clinician is linked to the provider they act as.
  provider_id uuid references providers (id),
  mfa_secret text,
  mfa_enabled boolean not null default false,
  -- Last accepted TOTP time step: a code at or below it is a replay.
  mfa_last_step bigint,
  password_changed_at timestamptz,
  created_at timestamptz not null default now(),
  deactivated_at timestamptz,
  version integer not null default 1,
  unique (organization_id, id)
);
-- One account per person: email is unique across the installation.
create unique index users_email on users (email);

create table user_roles (
  id uuid primary key default gen_random_uuid(),
  organization_id uuid not null references organizations (id),
  user_id uuid not null references users (id),
  role text not null check (role in ('admin', 'office_manager', 'front_desk', 'biller', 'clinician', 'nurse')),
  -- null: the role applies at every location of the organization.
  location_id uuid references locations (id),
  created_at timestamptz not null default now(),
  unique nulls not distinct (user_id, role, location_id)
);
create index user_roles_user on user_roles (user_id);

create table mfa_recovery_codes (
  id uuid primary key default gen_random_uuid(),
  user_id uuid not null references users (id),
  code_hash text not null,
  used_at timestamptz
);
create index mfa_recovery_codes_user on mfa_recovery_codes (user_id);

create table sessions (
  id uuid primary key default gen_random_uuid(),
  organization_id uuid not null references organizations (id),
  user_id uuid not null references users (id),
  -- SHA-256 of the opaque token; the token itself is never stored.
  token_hash bytea not null unique,
  created_at timestamptz not null default now(),
  last_seen_at timestamptz not null default now(),
  idle_timeout_seconds integer not null check (idle_timeout_seconds between 60 and 1800),
  expires_at timestamptz not null,
  -- Password verified but TOTP still owed (MFA enrolment or step-up).
  mfa_pending boolean not null default false,
  ended_at timestamptz,
  end_reason text,
  ip text,
  user_agent text
);
create index sessions_user on sessions (user_id) where ended_at is null;

-- Failed logins, for throttling per account and per IP.
create table login_failures (
  id bigint generated always as identity primary key,
  email text,
  ip text,
  at timestamptz not null default now()
);
create index login_failures_email on login_failures (email, at);
create index login_failures_ip on login_failures (ip, at);

create table break_glass_grants (
  id uuid primary key default gen_random_uuid(),
  organization_id uuid not null references organizations (id),
  user_id uuid not null references users (id),
  patient_id uuid not null,
  reason text not null check (length(reason) >= 10),
  created_at timestamptz not null default now(),
  expires_at timestamptz not null,
  check (expires_at <= created_at + interval '60 minutes')
);
create index break_glass_active on break_glass_grants (user_id, patient_id, expires_at);

-- The audit trail. Append-only: the app role gets INSERT and SELECT only (see migrate.ts,
-- which reads this table comment), and a trigger refuses UPDATE, DELETE and TRUNCATE for everyone.
create table audit_events (
  seq bigint generated always as identity primary key,
  occurred_at timestamptz not null default now(),
  organization_id uuid,
  user_id uuid,
  role text,
  patient_id uuid,
  action text not null,
  resource_type text,
  resource_id text,
  outcome text not null default 'success' check (outcome in ('success', 'denied')),
  ip text,
  user_agent text,
  request_id text,
  break_glass boolean not null default false,
  -- For changes: { field: { before, after } }. Other context in details.
  changes jsonb,
  details jsonb
);
comment on table audit_events is 'append-only: audit trail (HIPAA 164.312(b))';
create index audit_events_org_time on audit_events (organization_id, occurred_at desc);
create index audit_events_patient on audit_events (patient_id, occurred_at desc) where patient_id is not null;
create index audit_events_user on audit_events (user_id, occurred_at desc);

create or replace function audit_refuse_change() returns trigger language plpgsql as $$
begin
  raise exception 'audit rows are append-only (% refused)', tg_op using errcode = 'insufficient_privilege';
end $$;
create trigger audit_events_no_update before update or delete on audit_events
  for each row execute function audit_refuse_change();
create trigger audit_events_no_truncate before truncate on audit_events
  for each statement execute function audit_refuse_change();

-- Hash chain written by the sealer, in seq order: hash = sha256(prev_hash || canonical row).
create table audit_seals (
  seq bigint primary key,
  hash bytea not null,
  sealed_at timestamptz not null default now()
);
comment on table audit_seals is 'append-only: hash chain over audit_events';
create trigger audit_seals_no_update before update or delete on audit_seals
  for each row execute function audit_refuse_change();
create trigger audit_seals_no_truncate before truncate on audit_seals
  for each statement execute function audit_refuse_change();
