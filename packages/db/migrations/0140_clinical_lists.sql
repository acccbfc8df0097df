-- Clinical lists of a patient's chart: problems (ICD-10-CM coded), allergies and the allergy
-- status ("no known allergies" is a recorded, dated statement, not an empty list), medications,
-- and the prescriptions written here (each linked to the medication it started or renewed).
-- Every table holds clinical data: row-level security like migration 0089.

create table problems (
  id uuid primary key default gen_random_uuid(),
  organization_id uuid not null references organizations (id),
  patient_id uuid not null,
  -- ICD-10-CM with its dot, as the code set spells it (a category heading is allowed on a problem list).
  code text not null check (code ~ '^[A-Z][0-9][0-9A-Z](\.[0-9A-Z]{1,4})?$'),
  billable boolean not null,
  description text not null check (length(description) between 1 and 400),
  onset_date date,
  status text not null default 'active' check (status in ('active', 'resolved')),
  resolved_date date,
  note text not null default '' check (length(note) <= 2000),
  created_by uuid references users (id),
  version integer not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  -- Resolved exactly when it has a resolution date, never before its onset.
  check ((status = 'resolved') = (resolved_date is not null)),
  check (resolved_date is null or onset_date is null or resolved_date >= onset_date),
  foreign key (organization_id, patient_id) references patients (organization_id, id)
);
create index problems_patient on problems (organization_id, patient_id, status, created_at);

create table allergies (
  id uuid primary key default gen_random_uuid(),
  organization_id uuid not null references organizations (id),
  patient_id uuid not null,
  substance text not null check (length(substance) between 1 and 200),
  reaction text not null default '' check (length(reaction) <= 200),
  severity text not null default 'unknown' check (severity in ('mild', 'moderate', 'severe', 'life_threatening', 'unknown')),
  status text not null default 'active' check (status in ('active', 'inactive')),
  onset_date date,
  note text not null default '' check (length(note) <= 2000),
  created_by uuid references users (id),
  version integer not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  foreign key (organization_id, patient_id) references patients (organization_id, id)
);
create index allergies_patient on allergies (organization_id, patient_id, status, created_at);

-- What was recorded about the patient's allergies, as a dated log: `nka` (asked, none known)
-- or `has_allergies` (an allergy was added, which ends a "no known allergies" statement). The
-- newest row is the current statement; no row at all means nobody has asked yet (unknown).
-- Writers take the patient's allergy lock (clinical/allergy-lock.ts), so a "no known
-- allergies" statement never lands beside an active allergy.
create table allergy_statements (
  id uuid primary key default gen_random_uuid(),
  -- Insertion order: the newest statement is the current one, whatever the clocks said.
  seq bigint generated always as identity,
  organization_id uuid not null references organizations (id),
  patient_id uuid not null,
  status text not null check (status in ('nka', 'has_allergies')),
  recorded_at timestamptz not null default now(),
  recorded_by uuid references users (id),
  foreign key (organization_id, patient_id) references patients (organization_id, id)
);
create index allergy_statements_patient on allergy_statements (organization_id, patient_id, seq desc);
-- Not marked append-only: a patient merge re-points its rows (UPDATE of patient_id).
comment on table allergy_statements is 'clinical: allergy statements (no known allergies, has allergies) of a patient, newest current';

create table medications (
  id uuid primary key default gen_random_uuid(),
  organization_id uuid not null references organizations (id),
  patient_id uuid not null,
  name text not null check (length(name) between 1 and 200),
  dose text not null default '' check (length(dose) <= 100),
  route text not null default 'oral' check (
    route in ('oral', 'topical', 'inhaled', 'subcutaneous', 'intramuscular', 'intravenous', 'other')
  ),
  frequency text not null default '' check (length(frequency) <= 200),
  start_date date,
  stop_date date,
  -- A provider of the practice, or the name of an outside prescriber; never both.
  prescriber_provider_id uuid,
  prescriber_name text check (length(prescriber_name) between 1 and 200),
  status text not null default 'active' check (status in ('active', 'stopped')),
  note text not null default '' check (length(note) <= 2000),
  created_by uuid references users (id),
  version integer not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  check (stop_date is null or start_date is null or stop_date >= start_date),
  -- A stopped medication says when it stopped (an active one may carry a planned stop date).
  check (status = 'active' or stop_date is not null),
  check (prescriber_provider_id is null or prescriber_name is null),
  unique (organization_id, id),
  foreign key (organization_id, patient_id) references patients (organization_id, id),
  foreign key (organization_id, prescriber_provider_id) references providers (organization_id, id)
);
create index medications_patient on medications (organization_id, patient_id, status, created_at);

-- The DEA registration number check: two letters (registrant type, then the registrant's last
-- name initial or 9) and seven digits, the last being the check digit:
-- (d1 + d3 + d5 + 2 × (d2 + d4 + d6)) mod 10.
create function clinicdesk_valid_dea(dea text) returns boolean
  language sql immutable parallel safe as $$
  select dea ~ '^[A-Z][A-Z9][0-9]{7}$'
     and (substr(dea, 3, 1)::int + substr(dea, 5, 1)::int + substr(dea, 7, 1)::int
          + 2 * (substr(dea, 4, 1)::int + substr(dea, 6, 1)::int + substr(dea, 8, 1)::int)) % 10
         = substr(dea, 9, 1)::int
$$;

-- A prescription as written and printed here (no e-prescribing network). It is a record: it
-- is never edited; the medication it started or renewed carries the ongoing state.
create table prescriptions (
  id uuid primary key default gen_random_uuid(),
  organization_id uuid not null references organizations (id),
  patient_id uuid not null,
  medication_id uuid not null,
  drug_name text not null check (length(drug_name) between 1 and 200),
  strength text not null default '' check (length(strength) <= 100),
  form text not null default '' check (length(form) <= 100),
  sig text not null check (length(sig) between 1 and 1000),
  quantity numeric(9, 2) not null check (quantity > 0 and quantity <= 100000),
  quantity_unit text not null check (length(quantity_unit) between 1 and 50),
  refills smallint not null default 0 check (refills between 0 and 11),
  dispense_as_written boolean not null default false,
  prescriber_provider_id uuid not null,
  -- As entered on this prescription (providers belong to organizations; the number to the prescriber).
  dea_number text check (clinicdesk_valid_dea(dea_number)),
  written_date date not null,
  note text not null default '' check (length(note) <= 2000),
  created_by uuid references users (id),
  created_at timestamptz not null default now(),
  foreign key (organization_id, patient_id) references patients (organization_id, id),
  foreign key (organization_id, medication_id) references medications (organization_id, id),
  foreign key (organization_id, prescriber_provider_id) references providers (organization_id, id)
);
create index prescriptions_patient on prescriptions (organization_id, patient_id, written_date desc);
create index prescriptions_medication on prescriptions (medication_id);

do $$
declare
  t text;
begin
  foreach t in array array['problems', 'allergies', 'allergy_statements', 'medications', 'prescriptions'] loop
    execute format('alter table %I enable row level security', t);
    execute format(
      'create policy tenant_isolation on %I using (clinicdesk_tenant_visible(organization_id)) with check (clinicdesk_tenant_visible(organization_id))',
      t);
  end loop;
end $$;
