-- Acknowledgements (999, 277CA) and remittances (ERA 835): each imported file kept as received,
-- the payments (one per payer trace number, TRN02), what each posted per claim and line with its
-- CAS adjustments (append-only), provider-level adjustments (PLB), and the reconciliation queue of
-- remittance claims that match none of ours. Money is integer cents; a payment's amount is signed
-- (BPR03 'D' makes BPR02 money the practice owes).

-- The transaction set control number (ST02) an 837P batch was sent with (a 999's AK2 names it).
alter table claim_batches add column transaction_control_number bigint;

create table claim_acknowledgements (
  id uuid primary key default gen_random_uuid(),
  organization_id uuid not null references organizations (id),
  kind text not null check (kind in ('999', '277CA')),
  x12 text not null,
  sha256 text not null check (sha256 ~ '^[0-9a-f]{64}$'),
  claims_accepted integer not null check (claims_accepted >= 0),
  claims_rejected integer not null check (claims_rejected >= 0),
  claims_unmatched integer not null check (claims_unmatched >= 0),
  -- Per acknowledged claim or set: [{ claimId?, patientControlNumber?, controlNumber?, outcome, reason }].
  results jsonb not null,
  created_by uuid references users (id),
  created_at timestamptz not null default now(),
  -- The same file imported again changes nothing (and two imports at once import it once).
  unique (organization_id, sha256)
);
create index claim_acknowledgements_list on claim_acknowledgements (organization_id, created_at desc, id desc);
comment on table claim_acknowledgements is 'append-only: a 999 or 277CA file as imported, with what it changed';

-- Each 835 file as imported (every import is kept, a replay too: it says what was already posted).
create table remittance_files (
  id uuid primary key default gen_random_uuid(),
  organization_id uuid not null references organizations (id),
  x12 text not null,
  sha256 text not null check (sha256 ~ '^[0-9a-f]{64}$'),
  transactions integer not null check (transactions >= 1),
  -- Σ BPR02 of its transactions, signed by BPR03.
  payment_cents bigint not null,
  claims_posted integer not null check (claims_posted >= 0),
  claims_already_posted integer not null check (claims_already_posted >= 0),
  claims_unmatched integer not null check (claims_unmatched >= 0),
  -- The payments (remittance_payments) its transactions name, new or already known.
  payment_ids uuid[] not null default '{}',
  -- Claims a payment had already posted before this import: [{ claimId, patientControlNumber }].
  already_posted jsonb not null default '[]',
  created_by uuid references users (id),
  created_at timestamptz not null default now(),
  unique (organization_id, id)
);
create index remittance_files_list on remittance_files (organization_id, created_at desc, id desc);
comment on table remittance_files is 'an 835 file as imported; its counts are written when its posting ends (same transaction)';

-- One payment (an 835 transaction): the payer's trace number is its identity.
create table remittance_payments (
  id uuid primary key default gen_random_uuid(),
  organization_id uuid not null references organizations (id),
  file_id uuid not null,
  trace_number text not null check (length(trace_number) between 1 and 50),
  -- TRN03 (the payer's identifier), '' when absent: trace numbers are unique per payer.
  payer_key text not null,
  payer_name text not null,
  payer_identifier text,
  payment_cents bigint not null,
  credit_debit text not null,
  method text not null,
  payment_date date,
  created_at timestamptz not null default now(),
  unique (organization_id, id),
  unique (organization_id, payer_key, trace_number),
  foreign key (organization_id, file_id) references remittance_files (organization_id, id)
);
create index remittance_payments_file on remittance_payments (file_id);
comment on table remittance_payments is 'append-only: one payment (BPR/TRN) of an 835, posted once per payer trace number';

-- PLB: a positive amount reduces the payment (recoupment), a negative one adds to it (interest).
create table remittance_provider_adjustments (
  organization_id uuid not null,
  payment_id uuid not null,
  seq integer not null check (seq >= 1),
  provider_identifier text not null,
  fiscal_period_date date,
  reason_code text not null,
  reference text,
  amount_cents bigint not null,
  primary key (payment_id, seq),
  foreign key (organization_id, payment_id) references remittance_payments (organization_id, id)
);
comment on table remittance_provider_adjustments is 'append-only: a PLB provider-level adjustment of a payment';

-- What a payment posted to one of our claims. CLP02 is part of the key: a payment may reverse
-- (22) and correct (1, 2, 3) the same claim.
create table remittance_claims (
  id uuid primary key default gen_random_uuid(),
  organization_id uuid not null,
  payment_id uuid not null,
  file_id uuid not null,
  claim_id uuid not null,
  patient_control_number text not null,
  status_code text not null check (status_code ~ '^[0-9]{1,2}$'),
  charge_cents bigint not null,
  paid_cents bigint not null,
  patient_responsibility_cents bigint not null,
  payer_claim_control_number text,
  remark_codes text[] not null default '{}',
  paid_date date,
  posted_by uuid references users (id),
  posted_at timestamptz not null default now(),
  unique (organization_id, id),
  -- Idempotency: a trace posts to a claim once (per CLP02), whatever file repeats it.
  unique (organization_id, payment_id, claim_id, status_code),
  foreign key (organization_id, payment_id) references remittance_payments (organization_id, id),
  foreign key (organization_id, file_id) references remittance_files (organization_id, id),
  foreign key (organization_id, claim_id) references claims (organization_id, id)
);
create index remittance_claims_claim on remittance_claims (claim_id, posted_at);
create index remittance_claims_file on remittance_claims (file_id);
comment on table remittance_claims is 'append-only: what one payment posted to one claim (CLP)';

-- One service line (SVC) of a posted claim, matched to the claim line it pays (null: none matched).
create table remittance_lines (
  organization_id uuid not null,
  remittance_claim_id uuid not null,
  seq integer not null check (seq >= 1),
  line_number integer,
  procedure_code text not null,
  modifiers text[] not null default '{}',
  units integer not null,
  charge_cents bigint not null,
  paid_cents bigint not null,
  remark_codes text[] not null default '{}',
  line_control_number text,
  primary key (remittance_claim_id, seq),
  foreign key (organization_id, remittance_claim_id) references remittance_claims (organization_id, id)
);
comment on table remittance_lines is 'append-only: a service line (SVC) a payment posted';

-- CAS adjustments, claim level (line_seq null) or line level.
create table remittance_adjustments (
  organization_id uuid not null,
  remittance_claim_id uuid not null,
  line_seq integer,
  seq integer not null check (seq >= 1),
  group_code text not null check (group_code in ('CO', 'CR', 'OA', 'PI', 'PR')),
  reason_code text not null check (reason_code ~ '^[A-Z0-9]{1,5}$'),
  amount_cents bigint not null,
  quantity numeric,
  primary key (remittance_claim_id, seq),
  foreign key (organization_id, remittance_claim_id) references remittance_claims (organization_id, id)
);
create index remittance_adjustments_reason on remittance_adjustments (organization_id, reason_code);
comment on table remittance_adjustments is 'append-only: a CAS adjustment (group, CARC, amount) a payment posted';

-- Remittance claims whose CLP01 matches none of ours (or a claim that cannot take a remittance):
-- the reconciliation queue. Resolved by matching to a claim (then posted) or dismissing with a reason.
create table remittance_unmatched (
  id uuid primary key default gen_random_uuid(),
  organization_id uuid not null,
  payment_id uuid not null,
  file_id uuid not null,
  patient_control_number text not null,
  status_code text not null,
  -- CLP07 ('' when absent): one payment may carry several CLPs with the same CLP01 and CLP02.
  payer_claim_control_number text not null,
  paid_cents bigint not null,
  charge_cents bigint not null,
  reason text not null,
  -- The CLP loop as read (RemittanceClaim835): posted from it when matched.
  remittance jsonb not null,
  status text not null default 'open' check (status in ('open', 'matched', 'dismissed')),
  claim_id uuid,
  resolution text,
  resolved_by uuid references users (id),
  resolved_at timestamptz,
  created_at timestamptz not null default now(),
  unique (organization_id, id),
  unique (organization_id, payment_id, patient_control_number, status_code, payer_claim_control_number),
  check ((status = 'open') = (resolved_at is null)),
  check ((status = 'matched') = (claim_id is not null)),
  foreign key (organization_id, payment_id) references remittance_payments (organization_id, id),
  foreign key (organization_id, claim_id) references claims (organization_id, id)
);
create index remittance_unmatched_open on remittance_unmatched (organization_id, created_at, id) where status = 'open';

do $$
declare
  t text;
begin
  foreach t in array array['claim_acknowledgements', 'remittance_files', 'remittance_payments', 'remittance_provider_adjustments',
    'remittance_claims', 'remittance_lines', 'remittance_adjustments', 'remittance_unmatched'] loop
    execute format('alter table %I enable row level security', t);
    execute format(
      'create policy tenant_isolation on %I using (clinicdesk_tenant_visible(organization_id)) with check (clinicdesk_tenant_visible(organization_id))',
      t);
  end loop;
end $$;
