-- Eligibility (270/271): the inquiries built for a coverage (their X12 kept, the TRN02 trace
-- number the 271 echoes unique per practice) and the imported 271 answers matched to them,
-- summarized as active/inactive, copay, coinsurance, deductible and remaining amounts
-- (integer cents; coinsurance in basis points) on the date the payer answered.

create table eligibility_requests (
  id uuid primary key default gen_random_uuid(),
  organization_id uuid not null references organizations (id),
  patient_id uuid not null,
  -- Coverages have no (organization_id, id) key: the coverage's organization is checked in code (listCoverages).
  coverage_id uuid not null references coverages (id),
  payer_id uuid not null,
  trace_number text not null check (trace_number ~ '^[A-Za-z0-9-]{1,50}$'),
  interchange_control_number bigint not null check (interchange_control_number between 1 and 999999999),
  service_date date not null,
  x12 text not null,
  created_by uuid references users (id),
  created_at timestamptz not null default now(),
  unique (organization_id, id),
  unique (organization_id, trace_number),
  foreign key (organization_id, patient_id) references patients (organization_id, id),
  foreign key (organization_id, payer_id) references payers (organization_id, id)
);
create index eligibility_requests_coverage on eligibility_requests (coverage_id, created_at desc);
create index eligibility_requests_patient on eligibility_requests (patient_id);

create table eligibility_responses (
  id uuid primary key default gen_random_uuid(),
  organization_id uuid not null references organizations (id),
  request_id uuid not null,
  patient_id uuid not null,
  coverage_id uuid not null references coverages (id),
  status text not null check (status in ('active', 'inactive', 'unknown', 'rejected')),
  plan_name text check (length(plan_name) between 1 and 200),
  copay_cents bigint check (copay_cents >= 0),
  coinsurance_basis_points integer check (coinsurance_basis_points between 0 and 10000),
  deductible_cents bigint check (deductible_cents >= 0),
  deductible_remaining_cents bigint check (deductible_remaining_cents >= 0),
  out_of_pocket_cents bigint check (out_of_pocket_cents >= 0),
  out_of_pocket_remaining_cents bigint check (out_of_pocket_remaining_cents >= 0),
  -- AAA reason codes when the payer refused the inquiry (status 'rejected').
  rejection_reasons text[] not null default '{}',
  checked_on date not null,
  x12_sha256 text not null check (x12_sha256 ~ '^[0-9a-f]{64}$'),
  x12 text not null,
  created_by uuid references users (id),
  created_at timestamptz not null default now(),
  unique (organization_id, id),
  -- The same answer imported twice is one row.
  unique (organization_id, request_id, x12_sha256),
  check ((status = 'rejected') = (cardinality(rejection_reasons) > 0)),
  foreign key (organization_id, request_id) references eligibility_requests (organization_id, id),
  foreign key (organization_id, patient_id) references patients (organization_id, id)
);
create index eligibility_responses_coverage on eligibility_responses (coverage_id, created_at desc, id desc);
create index eligibility_responses_patient on eligibility_responses (patient_id);

do $$
declare
  t text;
begin
  foreach t in array array['eligibility_requests', 'eligibility_responses'] loop
    execute format('alter table %I enable row level security', t);
    execute format(
      'create policy tenant_isolation on %I using (clinicdesk_tenant_visible(organization_id)) with check (clinicdesk_tenant_visible(organization_id))',
      t);
  end loop;
end $$;
