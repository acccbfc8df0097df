-- Foundation: organizations, locations, providers, rooms, background jobs.
create extension if not exists btree_gist;
create extension if not exists pg_trgm;

-- True when PostgreSQL knows the IANA zone name (used by check constraints).
create or replace function is_valid_time_zone(tz text) returns boolean
language plpgsql immutable strict as $$
begin
  perform now() at time zone tz;
  return true;
exception when others then
  return false;
end $$;

-- NPI check digit: Luhn over '80840' || first nine digits.
create or replace function is_valid_npi(npi text) returns boolean
language plpgsql immutable strict as $$
declare
  digits text;
  total int := 0;
  d int;
  i int;
begin
  if npi !~ '^\d{10}$' then return false; end if;
  digits := '80840' || npi;
  for i in 1..length(digits) loop
    d := substr(digits, length(digits) - i + 1, 1)::int;
    if i % 2 = 0 then
      d := d * 2;
      if d > 9 then d := d - 9; end if;
    end if;
    total := total + d;
  end loop;
  return total % 10 = 0;
end $$;

create table organizations (
  id uuid primary key default gen_random_uuid(),
  name text not null check (length(name) between 1 and 200),
  -- Practice-wide settings (require_mfa, idle timeout...). Keys are validated in code.
  settings jsonb not null default '{}'::jsonb,
  created_at timestamptz not null default now()
);

create table locations (
  id uuid primary key default gen_random_uuid(),
  organization_id uuid not null references organizations (id),
  name text not null check (length(name) between 1 and 200),
  address_line1 text not null default '',
  address_line2 text not null default '',
  city text not null default '',
  state text check (state ~ '^[A-Z]{2}$'),
  postal_code text check (postal_code ~ '^\d{5}(-\d{4})?$'),
  phone text check (phone ~ '^\+[1-9]\d{6,14}$'),
  time_zone text not null check (is_valid_time_zone(time_zone)),
  place_of_service text not null default '11' check (place_of_service ~ '^\d{2}$'),
  billing_npi text check (is_valid_npi(billing_npi)),
  tin text check (tin ~ '^\d{9}$'),
  active boolean not null default true,
  version integer not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (organization_id, name),
  unique (organization_id, id)
);

create table providers (
  id uuid primary key default gen_random_uuid(),
  organization_id uuid not null references organizations (id),
  given_name text not null,
  family_name text not null,
  credentials text not null default '',
  npi text not null check (is_valid_npi(npi)),
  taxonomy_code text check (taxonomy_code ~ '^[0-9A-Z]{9}X$'),
  color text not null default '#228be6' check (color ~ '^#[0-9a-fA-F]{6}$'),
  active boolean not null default true,
  created_at timestamptz not null default now(),
  unique (organization_id, npi),
  unique (organization_id, id)
);

create table rooms (
  id uuid primary key default gen_random_uuid(),
  organization_id uuid not null references organizations (id),
  location_id uuid not null,
  name text not null,
  kind text not null default 'exam room',
  active boolean not null default true,
  created_at timestamptz not null default now(),
  foreign key (organization_id, location_id) references locations (organization_id, id),
  unique (location_id, name)
);

-- Background jobs: an outbox claimed with FOR UPDATE SKIP LOCKED.
create table jobs (
  id bigint generated always as identity primary key,
  queue text not null,
  payload jsonb not null default '{}'::jsonb,
  -- Same key, same job: enqueueing twice is a no-op while the first is not dead.
  dedupe_key text,
  state text not null default 'queued' check (state in ('queued', 'running', 'done', 'dead')),
  attempts integer not null default 0,
  max_attempts integer not null default 5 check (max_attempts between 1 and 50),
  run_at timestamptz not null default now(),
  locked_by text,
  locked_until timestamptz,
  last_error text,
  created_at timestamptz not null default now(),
  finished_at timestamptz
);
create unique index jobs_dedupe on jobs (queue, dedupe_key) where dedupe_key is not null;
create index jobs_claim on jobs (queue, run_at) where state = 'queued';
create index jobs_running on jobs (locked_until) where state = 'running';
