-- Patient messages: channels (email now, SMS later), reminder rules, the message log,
-- and signed one-click links (confirm / cancel / accept a waitlist offer).

-- Server-wide secrets every process must agree on (the link-signing key). Created on
-- first use by whichever process gets there first; never leaves the database.
create table app_secrets (
  name text primary key,
  value bytea not null check (length(value) >= 32),
  created_at timestamptz not null default now()
);

-- Outgoing mail for one practice. Without a row (or without a host) the installation's
-- SMTP_URL / SMTP_FROM apply. The password is write-only through the API.
create table comms_settings (
  organization_id uuid primary key references organizations (id),
  smtp_host text check (length(smtp_host) between 1 and 255),
  smtp_port integer check (smtp_port between 1 and 65535),
  -- true: TLS from the first byte (465); false: STARTTLS when offered.
  smtp_secure boolean not null default false,
  smtp_user text check (length(smtp_user) <= 255),
  smtp_password text check (length(smtp_password) <= 500),
  smtp_from text check (length(smtp_from) <= 255),
  -- Base of the links in messages (https://clinic.example.org); else CLINICDESK_PUBLIC_URL.
  public_url text check (public_url ~ '^https?://[^\s/]+(:\d+)?/?$'),
  updated_at timestamptz not null default now()
);

-- "Remind N hours before the visit", per practice.
create table reminder_rules (
  id uuid primary key default gen_random_uuid(),
  organization_id uuid not null references organizations (id),
  hours_before integer not null check (hours_before between 1 and 720),
  channel text not null default 'email' check (channel in ('email', 'sms')),
  active boolean not null default true,
  created_at timestamptz not null default now(),
  unique (organization_id, channel, hours_before)
);

-- Every message to a patient, whatever happened to it (queued, sent, failed, bounced,
-- or skipped with the reason: no consent, no address).
create table messages (
  id uuid primary key default gen_random_uuid(),
  organization_id uuid not null references organizations (id),
  patient_id uuid not null,
  appointment_id uuid references appointments (id),
  rule_id uuid references reminder_rules (id),
  kind text not null check (kind in ('reminder', 'waitlist_offer')),
  channel text not null check (channel in ('email', 'sms')),
  to_address text,
  subject text not null default '',
  status text not null default 'queued' check (status in ('queued', 'sent', 'failed', 'bounced', 'skipped')),
  provider_message_id text,
  error text,
  -- Why a message was skipped: 'no_consent', 'no_address', 'appointment_inactive'.
  skip_reason text,
  -- The waitlist offer this message carries (waitlist module).
  offer_id uuid,
  sent_at timestamptz,
  created_at timestamptz not null default now(),
  foreign key (organization_id, patient_id) references patients (organization_id, id)
);
-- Exactly one reminder per appointment per rule, whoever sends it and however often.
create unique index messages_one_reminder on messages (appointment_id, rule_id) where rule_id is not null;
create unique index messages_one_offer on messages (offer_id) where offer_id is not null;
create index messages_patient on messages (patient_id, created_at desc, id desc);

-- One-click links. The token itself is never stored, only its SHA-256; used_at makes
-- each link single-use. A link serves exactly one purpose for exactly one subject.
create table signed_links (
  id uuid primary key default gen_random_uuid(),
  organization_id uuid not null references organizations (id),
  token_hash bytea not null unique,
  purpose text not null check (purpose in ('confirm', 'cancel', 'waitlist_accept')),
  -- The appointment (confirm, cancel) or the waitlist offer (waitlist_accept).
  subject_id uuid not null,
  patient_id uuid not null,
  expires_at timestamptz not null,
  used_at timestamptz,
  created_at timestamptz not null default now()
);
create index signed_links_subject on signed_links (subject_id);
