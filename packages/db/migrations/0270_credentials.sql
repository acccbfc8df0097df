-- Credentials of providers and staff (credentials module): state licences (with their state),
-- DEA registrations, board certifications, BLS/ACLS cards and malpractice cover, each with the
-- day it expires. A provider whose licence for a location's state has expired cannot be booked
-- there for a day after the expiry (scheduling asks through the `appointment.booking` event).
-- Renewing moves `expires_on` forward (a new version); the alerts already sent for the old
-- expiry stay recorded under that expiry.

create table credentials (
  id uuid primary key default gen_random_uuid(),
  organization_id uuid not null references organizations (id),
  -- Whose credential: a provider (a licence, a DEA) or a staff account (a BLS card); exactly one.
  provider_id uuid,
  user_id uuid,
  kind text not null check (kind in ('license', 'dea', 'board', 'bls', 'acls', 'malpractice')),
  number text not null check (btrim(number) <> '' and length(number) <= 60),
  -- The issuing state: required for a state licence, optional for the others (a DEA registration is per state too).
  state text check (state ~ '^[A-Z]{2}$'),
  issuer text not null default '' check (length(issuer) <= 200),
  expires_on date not null,
  renewed_at timestamptz,
  version integer not null default 1 check (version >= 1),
  created_by uuid,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (organization_id, id),
  check ((provider_id is null) <> (user_id is null)),
  check (kind <> 'license' or state is not null),
  check (expires_on between date '1990-01-01' and date '2200-12-31'),
  foreign key (organization_id, provider_id) references providers (organization_id, id),
  foreign key (organization_id, user_id) references users (organization_id, id),
  foreign key (organization_id, created_by) references users (organization_id, id)
);
-- The booking guard: a provider's licences by state.
create index credentials_provider on credentials (organization_id, provider_id, kind, state) where provider_id is not null;
create index credentials_user on credentials (organization_id, user_id) where user_id is not null;
-- The expiry sweep and the "expiring within" list.
create index credentials_expiry on credentials (organization_id, expires_on, id);

-- One row per credential, expiry and threshold (90, 30, 7 days before; 0: expired): the alert is
-- sent once, whatever the number of job runners, and again only after a renewal changes the expiry.
create table credential_alerts (
  organization_id uuid not null references organizations (id),
  credential_id uuid not null,
  expires_on date not null,
  threshold_days integer not null check (threshold_days in (90, 30, 7, 0)),
  recipients text[] not null default '{}',
  created_at timestamptz not null default now(),
  sent_at timestamptz,
  primary key (credential_id, expires_on, threshold_days),
  foreign key (organization_id, credential_id) references credentials (organization_id, id) on delete cascade
);

do $$
declare
  t text;
begin
  foreach t in array array['credentials', 'credential_alerts'] loop
    execute format('alter table %I enable row level security', t);
    execute format(
      'create policy tenant_isolation on %I using (clinicdesk_tenant_visible(organization_id)) with check (clinicdesk_tenant_visible(organization_id))',
      t);
  end loop;
end $$;
