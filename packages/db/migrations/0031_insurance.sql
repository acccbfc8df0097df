-- Insurance: the practice's payer list and each patient's coverages.
create table payers (
  id uuid primary key default gen_random_uuid(),
  organization_id uuid not null references organizations (id),
  name text not null check (length(name) between 1 and 200),
  edi_payer_id text check (edi_payer_id ~ '^[A-Za-z0-9]{2,10}$'),
  -- { line1, line2, city, state, postalCode }
  address jsonb,
  phone text,
  claim_type text not null default 'professional' check (claim_type in ('professional')),
  timely_filing_days integer not null default 365 check (timely_filing_days between 1 and 3650),
  active boolean not null default true,
  version integer not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (organization_id, name),
  unique (organization_id, id)
);

create table coverages (
  id uuid primary key default gen_random_uuid(),
  organization_id uuid not null references organizations (id),
  patient_id uuid not null references patients (id),
  payer_id uuid not null references payers (id),
  plan_name text,
  member_id text not null check (length(member_id) between 1 and 80),
  group_number text,
  -- null: the patient is the subscriber; else { givenName, familyName, birthDate, sex, address }.
  subscriber jsonb,
  -- X12 individual relationship code (2000C INS02 / SBR02).
  relationship text not null default '18' check (relationship in ('18', '01', '19', '20', '21', '39', '40', '53', 'G8')),
  priority text not null check (priority in ('primary', 'secondary', 'tertiary')),
  effective_date date not null,
  termination_date date,
  -- { office, specialist, urgentCare, emergency, telehealth } in cents.
  copays jsonb not null default '{}'::jsonb,
  active boolean not null default true,
  version integer not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  check (termination_date is null or termination_date >= effective_date),
  check ((relationship = '18') = (subscriber is null)),
  -- At most one active coverage per priority on any day, enforced by the database.
  constraint coverages_one_per_priority exclude using gist (
    patient_id with =,
    priority with =,
    daterange(effective_date, termination_date, '[]') with &&
  ) where (active)
);
create index coverages_patient on coverages (patient_id);
create index coverages_payer on coverages (payer_id);
