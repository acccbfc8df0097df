-- Patients: the core record (the patients module extends it).
create table patients (
  id uuid primary key default gen_random_uuid(),
  organization_id uuid not null references organizations (id),
  mrn text not null,
  given_name text not null check (length(given_name) between 1 and 100),
  middle_name text,
  family_name text not null check (length(family_name) between 1 and 100),
  suffix text,
  preferred_name text,
  birth_date date not null check (birth_date >= date '1880-01-01'),
  sex text not null default 'unknown' check (sex in ('female', 'male', 'unknown')),
  gender_identity text,
  pronouns text,
  preferred_language text,
  interpreter_needed boolean not null default false,
  -- [{ type, number }] with numbers in E.164.
  phones jsonb not null default '[]'::jsonb,
  email text,
  address jsonb,
  status text not null default 'active' check (status in ('active', 'inactive', 'deceased', 'merged')),
  deceased_date date,
  restricted boolean not null default false,
  primary_provider_id uuid references providers (id),
  preferred_location_id uuid references locations (id),
  version integer not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (organization_id, mrn),
  unique (organization_id, id)
);
create index patients_org_name on patients (organization_id, family_name, given_name);

-- The care team of a patient: who may open a restricted record without break-glass.
create table patient_care_team (
  organization_id uuid not null references organizations (id),
  patient_id uuid not null references patients (id),
  user_id uuid not null references users (id),
  primary key (patient_id, user_id)
);

create sequence if not exists patient_mrn_seq start 100001;
