-- Collections (collections module): the worklist's state per guarantor, the contact log with
-- promises to pay, payment plans and their installments, the outside agency, and small-balance
-- write-off batches. Balances are never stored here: the worklist reads them from the ledger.
-- A guarantor is named by its key (patients' guarantorsOf): the guarantor patient's id, or
-- `person:<patient id>` for a guarantor who is not a patient.

create table collection_accounts (
  organization_id uuid not null references organizations (id),
  guarantor_key text not null check (guarantor_key ~ '^(person:)?[0-9a-f-]{36}$'),
  -- The last statement (statements' statement.issued).
  last_statement_id uuid,
  last_statement_on date,
  last_statement_level text check (last_statement_level in ('first', 'second', 'final')),
  -- The last contact (a copy of the newest collection_contacts row, for the worklist).
  last_contact_at timestamptz,
  last_contact_type text check (last_contact_type in ('called', 'voicemail', 'spoke', 'emailed', 'letter')),
  follow_up_on date,
  -- The current promise to pay, and what the guarantor's patients paid toward it since.
  promise_on date,
  promise_cents bigint check (promise_cents between 1 and 9999999999),
  promise_made_on date,
  promise_paid_cents bigint not null default 0 check (promise_paid_cents >= 0),
  agency_status text not null default 'none' check (agency_status in ('none', 'sent', 'returned')),
  agency_sent_on date,
  agency_returned_on date,
  -- A payment plan of one of its patients has an installment past due and grace, unpaid.
  missed_installment boolean not null default false,
  updated_at timestamptz not null default now(),
  primary key (organization_id, guarantor_key),
  check ((last_statement_on is null) = (last_statement_level is null)),
  check ((promise_on is null) = (promise_cents is null) and (promise_on is null) = (promise_made_on is null)),
  check (agency_status <> 'sent' or agency_sent_on is not null),
  check (agency_status <> 'returned' or (agency_sent_on is not null and agency_returned_on is not null)),
  check ((last_contact_at is null) = (last_contact_type is null))
);
create index collection_accounts_agency on collection_accounts (organization_id, guarantor_key) where agency_status = 'sent';

create table collection_contacts (
  id uuid primary key default gen_random_uuid(),
  organization_id uuid not null references organizations (id),
  guarantor_key text not null check (guarantor_key ~ '^(person:)?[0-9a-f-]{36}$'),
  type text not null check (type in ('called', 'voicemail', 'spoke', 'emailed', 'letter')),
  note text not null default '' check (length(note) <= 2000),
  promise_on date,
  promise_cents bigint check (promise_cents between 1 and 9999999999),
  follow_up_on date,
  created_by uuid references users (id),
  created_at timestamptz not null default now(),
  unique (organization_id, id),
  check ((promise_on is null) = (promise_cents is null))
);
create index collection_contacts_guarantor on collection_contacts (organization_id, guarantor_key, created_at desc, id desc);
comment on table collection_contacts is 'append-only: the contact log per guarantor (calls, messages, letters, promises to pay)';

create table payment_plans (
  id uuid primary key default gen_random_uuid(),
  organization_id uuid not null references organizations (id),
  patient_id uuid not null,
  guarantor_key text not null check (guarantor_key ~ '^(person:)?[0-9a-f-]{36}$'),
  total_cents bigint not null check (total_cents between 1 and 9999999999),
  installment_cents bigint not null check (installment_cents between 1 and 9999999999),
  frequency text not null check (frequency in ('monthly', 'biweekly', 'weekly')),
  first_due_on date not null,
  status text not null default 'active' check (status in ('active', 'completed', 'broken', 'cancelled')),
  paid_cents bigint not null default 0 check (paid_cents >= 0),
  cancel_reason text check (length(cancel_reason) between 1 and 500),
  note text not null default '' check (length(note) <= 500),
  created_by uuid references users (id),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (organization_id, id),
  check (installment_cents <= total_cents),
  check (paid_cents <= total_cents),
  check ((status = 'cancelled') = (cancel_reason is not null)),
  check (status <> 'completed' or paid_cents = total_cents),
  foreign key (organization_id, patient_id) references patients (organization_id, id)
);
-- One active plan per patient: a payment reduces exactly one plan.
create unique index payment_plans_one_active on payment_plans (organization_id, patient_id) where status = 'active';
create index payment_plans_patient on payment_plans (organization_id, patient_id, created_at desc);

create table payment_plan_installments (
  organization_id uuid not null,
  plan_id uuid not null,
  seq integer not null check (seq between 1 and 240),
  due_on date not null,
  amount_cents bigint not null check (amount_cents > 0),
  paid_cents bigint not null default 0 check (paid_cents >= 0),
  missed_at timestamptz,
  primary key (plan_id, seq),
  check (paid_cents <= amount_cents),
  foreign key (organization_id, plan_id) references payment_plans (organization_id, id)
);
-- The periodic sweep: unpaid installments not yet marked missed, by due date.
create index payment_plan_installments_due on payment_plan_installments (due_on) where missed_at is null and paid_cents < amount_cents;

create table collection_write_off_batches (
  id uuid primary key default gen_random_uuid(),
  organization_id uuid not null references organizations (id),
  max_balance_cents bigint not null check (max_balance_cents between 1 and 100000),
  reason text not null check (length(reason) between 1 and 500),
  patient_count integer not null check (patient_count >= 0),
  total_cents bigint not null check (total_cents >= 0),
  posting_date date not null,
  created_by uuid references users (id),
  created_at timestamptz not null default now(),
  unique (organization_id, id)
);
comment on table collection_write_off_batches is 'append-only: small-balance write-off batches';

create table collection_write_offs (
  id uuid primary key default gen_random_uuid(),
  organization_id uuid not null,
  batch_id uuid not null,
  patient_id uuid not null,
  amount_cents bigint not null check (amount_cents > 0),
  unique (batch_id, patient_id),
  foreign key (organization_id, batch_id) references collection_write_off_batches (organization_id, id),
  foreign key (organization_id, patient_id) references patients (organization_id, id)
);
comment on table collection_write_offs is 'append-only: each patient balance a batch wrote off';

do $$
declare
  t text;
begin
  foreach t in array array['collection_accounts', 'collection_contacts', 'payment_plans', 'payment_plan_installments',
                           'collection_write_off_batches', 'collection_write_offs'] loop
    execute format('alter table %I enable row level security', t);
    execute format(
      'create policy tenant_isolation on %I using (clinicdesk_tenant_visible(organization_id)) with check (clinicdesk_tenant_visible(organization_id))',
      t);
  end loop;
end $$;
