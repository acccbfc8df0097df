-- Patient statements (statements module). A statement run picks the guarantors whose family's
-- patient balance reaches the run's threshold (sums of posted ledger lines) and issues one
-- statement per guarantor: the guarantor's name and address as they were, the amount due and
-- its aging, the dunning level and the visits printed, kept as a snapshot so that a reprint is
-- exactly what was sent. A guarantor gets at most one statement per day, and none before the
-- next statement date of the last one.

create table statement_runs (
  id uuid primary key default gen_random_uuid(),
  organization_id uuid not null references organizations (id),
  -- Whose letterhead and calendar day the run uses.
  location_id uuid not null,
  as_of date not null,
  min_balance_cents bigint not null check (min_balance_cents between 0 and 9999999999),
  status text not null default 'issued' check (status in ('issued')),
  statement_count integer not null default 0 check (statement_count >= 0),
  emailed_count integer not null default 0 check (emailed_count between 0 and statement_count),
  total_due_cents bigint not null default 0 check (total_due_cents >= 0),
  created_by uuid references users (id),
  created_at timestamptz not null default now(),
  unique (organization_id, id),
  foreign key (organization_id, location_id) references locations (organization_id, id)
);
create index statement_runs_recent on statement_runs (organization_id, created_at desc, id desc);

create table statements (
  id uuid primary key default gen_random_uuid(),
  organization_id uuid not null,
  run_id uuid not null,
  -- The guarantor's key (patients' guarantorsOf): the guarantor patient's id or `person:<patient id>`.
  guarantor_key text not null check (length(guarantor_key) between 1 and 100),
  guarantor_patient_id uuid,
  guarantor_name text not null check (length(guarantor_name) between 1 and 400),
  -- The patients whose balances the statement shows (the family under the guarantor).
  patient_ids uuid[] not null check (cardinality(patient_ids) between 1 and 1000),
  issued_on date not null,
  next_statement_on date not null check (next_statement_on > issued_on),
  dunning_level text not null check (dunning_level in ('first', 'second', 'final')),
  amount_due_cents bigint not null check (amount_due_cents between 1 and 9999999999),
  aging_0_30_cents bigint not null,
  aging_31_60_cents bigint not null,
  aging_61_90_cents bigint not null,
  aging_91_120_cents bigint not null,
  aging_120_plus_cents bigint not null,
  delivery text not null check (delivery in ('print', 'email')),
  -- The notice queued to the guarantor (comms' message log) when delivered by email.
  message_id uuid,
  -- What was printed: letterhead, guarantor, visits with billed, insurance paid, adjustments,
  -- patient paid and due, aging, amount due (cents throughout).
  snapshot jsonb not null check (jsonb_typeof(snapshot) = 'object'),
  created_at timestamptz not null default now(),
  unique (organization_id, id),
  unique (organization_id, run_id, guarantor_key),
  -- Never two statements to one guarantor on one day (a second run the same day, a retry).
  unique (organization_id, guarantor_key, issued_on),
  check (aging_0_30_cents + aging_31_60_cents + aging_61_90_cents + aging_91_120_cents + aging_120_plus_cents = amount_due_cents),
  check ((delivery = 'email') = (message_id is not null)),
  check (guarantor_key = guarantor_patient_id::text or guarantor_key like 'person:%'),
  foreign key (organization_id, run_id) references statement_runs (organization_id, id),
  foreign key (organization_id, guarantor_patient_id) references patients (organization_id, id)
);
comment on table statements is 'append-only: one statement per guarantor per run, as it was sent';
create index statements_run on statements (run_id, guarantor_name, id);
create index statements_guarantor on statements (organization_id, guarantor_key, issued_on desc);
create index statements_patients on statements using gin (patient_ids);

-- Working rows of a run in progress (each patient's balance under its guarantor), summed per
-- guarantor in SQL and deleted before the run's transaction commits.
create table statement_run_patients (
  organization_id uuid not null,
  run_id uuid not null,
  guarantor_key text not null,
  patient_id uuid not null,
  patient_cents bigint not null,
  aging_0_30_cents bigint not null,
  aging_31_60_cents bigint not null,
  aging_61_90_cents bigint not null,
  aging_91_120_cents bigint not null,
  aging_120_plus_cents bigint not null,
  guarantor jsonb not null,
  primary key (run_id, patient_id),
  foreign key (organization_id, run_id) references statement_runs (organization_id, id)
);
create index statement_run_patients_guarantor on statement_run_patients (run_id, guarantor_key);

do $$
declare
  t text;
begin
  foreach t in array array['statement_runs', 'statements', 'statement_run_patients'] loop
    execute format('alter table %I enable row level security', t);
    execute format(
      'create policy tenant_isolation on %I using (clinicdesk_tenant_visible(organization_id)) with check (clinicdesk_tenant_visible(organization_id))',
      t);
  end loop;
end $$;

-- Statement notices go through the patient message log (comms).
alter table messages drop constraint messages_kind_check;
alter table messages add constraint messages_kind_check check (kind in ('reminder', 'waitlist_offer', 'statement'));
