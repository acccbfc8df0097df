-- Claims: one per encounter and coverage, snapshotting what they bill (lines from the encounter's
-- approved charges, diagnoses, providers, subscriber), their state timeline (append-only), the
-- scrubber's latest result and warning overrides, and 837P batches with control numbers from a
-- per-organization counter row.

create table claim_counters (
  organization_id uuid primary key references organizations (id),
  -- The next patient control number (CLM01 is 'C' followed by it, zero-padded).
  next_claim_number bigint not null default 1 check (next_claim_number > 0),
  -- ISA13 (9 digits), GS06 and ST02 of the next batch.
  next_interchange bigint not null default 1 check (next_interchange between 1 and 999999999),
  next_group bigint not null default 1 check (next_group between 1 and 999999999),
  next_transaction bigint not null default 1 check (next_transaction between 1 and 999999999)
);

create table claim_batches (
  id uuid primary key default gen_random_uuid(),
  organization_id uuid not null references organizations (id),
  interchange_control_number bigint not null,
  group_control_number bigint not null,
  claim_count integer not null check (claim_count between 1 and 5000),
  total_charge_cents bigint not null check (total_charge_cents >= 0),
  usage_indicator text not null check (usage_indicator in ('T', 'P')),
  x12 text not null,
  sha256 text not null check (sha256 ~ '^[0-9a-f]{64}$'),
  outbox_path text,
  outbox_error text,
  outbox_written_at timestamptz,
  created_by uuid references users (id),
  created_at timestamptz not null default now(),
  unique (organization_id, id),
  unique (organization_id, interchange_control_number),
  unique (organization_id, group_control_number)
);
create index claim_batches_list on claim_batches (organization_id, created_at desc, id desc);

create table claims (
  id uuid primary key default gen_random_uuid(),
  organization_id uuid not null references organizations (id),
  patient_id uuid not null,
  encounter_id uuid not null,
  coverage_id uuid not null,
  payer_id uuid not null,
  provider_id uuid not null,
  location_id uuid not null,
  patient_control_number text not null check (patient_control_number ~ '^[A-Z0-9]{1,20}$'),
  -- 1 original; 7 replacement and 8 void come with corrections.
  frequency_code text not null default '1' check (frequency_code in ('1', '7', '8')),
  status text not null default 'draft' check (status in (
    'draft', 'ready', 'submitted', 'acknowledged', 'rejected', 'payer_accepted', 'payer_rejected',
    'paid', 'partially_paid', 'denied', 'closed')),
  date_of_service date not null,
  place_of_service text not null check (place_of_service ~ '^[0-9]{2}$'),
  prior_authorization text check (length(prior_authorization) between 1 and 50),
  -- ICD-10-CM codes as signed, principal first (line pointers index them).
  diagnoses text[] not null check (cardinality(diagnoses) between 1 and 12),
  total_charge_cents bigint not null check (total_charge_cents between 0 and 9999999999),
  -- What the claim bills, as it was when built: billing/rendering/referring providers, service
  -- facility, payer, subscriber and patient (claims/claim-snapshot.ts).
  snapshot jsonb not null,
  -- The latest scrub: { at, errors, warnings } (null: never scrubbed).
  last_scrub jsonb,
  batch_id uuid,
  version integer not null default 1,
  created_by uuid references users (id),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (organization_id, id),
  unique (organization_id, patient_control_number),
  check ((status in ('draft', 'ready')) = (batch_id is null)),
  foreign key (organization_id, patient_id) references patients (organization_id, id),
  foreign key (organization_id, encounter_id) references encounters (organization_id, id),
  -- Coverages have no (organization_id, id) key: the coverage's organization is checked in code (listCoverages).
  foreign key (coverage_id) references coverages (id),
  foreign key (organization_id, payer_id) references payers (organization_id, id),
  foreign key (organization_id, provider_id) references providers (organization_id, id),
  foreign key (organization_id, location_id) references locations (organization_id, id),
  foreign key (organization_id, batch_id) references claim_batches (organization_id, id)
);
-- One original claim per encounter and coverage (replacements and voids come later as 7/8).
create unique index claims_one_per_encounter_coverage on claims (organization_id, encounter_id, coverage_id)
  where frequency_code = '1';
create index claims_list on claims (organization_id, created_at desc, id desc);
create index claims_status on claims (organization_id, status, created_at desc, id desc);
create index claims_patient on claims (patient_id, date_of_service);
create index claims_batch on claims (batch_id) where batch_id is not null;

create table claim_lines (
  organization_id uuid not null,
  claim_id uuid not null,
  line_number integer not null check (line_number between 1 and 50),
  charge_id uuid not null,
  procedure_code text not null,
  modifiers text[] not null default '{}',
  units integer not null,
  charge_cents bigint not null check (charge_cents >= 0),
  diagnosis_pointers integer[] not null,
  primary key (claim_id, line_number),
  foreign key (organization_id, claim_id) references claims (organization_id, id)
);

create table claim_events (
  id uuid primary key default gen_random_uuid(),
  organization_id uuid not null,
  claim_id uuid not null,
  at timestamptz not null default now(),
  user_id uuid references users (id),
  from_status text,
  to_status text not null,
  reason text not null check (length(reason) between 1 and 500),
  foreign key (organization_id, claim_id) references claims (organization_id, id)
);
create index claim_events_claim on claim_events (claim_id, at, id);
comment on table claim_events is 'append-only: each state change of a claim, with time, user and reason';

create table claim_overrides (
  id uuid primary key default gen_random_uuid(),
  organization_id uuid not null,
  claim_id uuid not null,
  rule text not null check (rule ~ '^[A-Z0-9_]{2,40}$'),
  reason text not null check (length(reason) between 1 and 500),
  user_id uuid references users (id),
  at timestamptz not null default now(),
  foreign key (organization_id, claim_id) references claims (organization_id, id)
);
create index claim_overrides_claim on claim_overrides (claim_id, rule);
comment on table claim_overrides is 'append-only: a scrubber warning a biller accepted for a claim, with the reason';

do $$
declare
  t text;
begin
  foreach t in array array['claim_counters', 'claim_batches', 'claims', 'claim_lines', 'claim_events', 'claim_overrides'] loop
    execute format('alter table %I enable row level security', t);
    execute format(
      'create policy tenant_isolation on %I using (clinicdesk_tenant_visible(organization_id)) with check (clinicdesk_tenant_visible(organization_id))',
      t);
  end loop;
end $$;
