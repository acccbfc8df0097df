-- Patient payments and refunds (accounts module). A payment is posted once: the caller's
-- Idempotency-Key is unique per organization, and the request's hash is kept so the same key
-- with another body is refused. Allocations say which charges a payment pays (the rest is on
-- account: a credit). Refunds never exceed what was paid (checked under the payment's row lock).
-- Every payment and refund posts its journal entry in the same transaction (ledger).

create table payments (
  id uuid primary key default gen_random_uuid(),
  organization_id uuid not null references organizations (id),
  patient_id uuid not null,
  location_id uuid not null,
  amount_cents bigint not null check (amount_cents between 1 and 9999999999),
  method text not null check (method in ('cash', 'check', 'card')),
  -- Check number, or the card processor's reference.
  reference text check (length(reference) between 1 and 100),
  card_last4 text check (card_last4 ~ '^[0-9]{4}$'),
  posting_date date not null,
  note text not null default '' check (length(note) <= 500),
  idempotency_key text check (length(idempotency_key) between 1 and 200),
  request_hash text check (request_hash ~ '^[0-9a-f]{64}$'),
  refunded_cents bigint not null default 0 check (refunded_cents >= 0),
  posted_by uuid references users (id),
  created_at timestamptz not null default now(),
  version integer not null default 1,
  unique (organization_id, id),
  unique (organization_id, idempotency_key),
  check (refunded_cents <= amount_cents),
  check ((idempotency_key is null) = (request_hash is null)),
  check (method <> 'check' or reference is not null),
  check (method = 'card' or card_last4 is null),
  foreign key (organization_id, patient_id) references patients (organization_id, id),
  foreign key (organization_id, location_id) references locations (organization_id, id)
);
create index payments_patient on payments (patient_id, posting_date desc, created_at desc);
create index payments_day on payments (organization_id, location_id, posting_date);

create table payment_allocations (
  organization_id uuid not null,
  payment_id uuid not null,
  charge_id uuid not null,
  encounter_id uuid not null,
  amount_cents bigint not null check (amount_cents > 0),
  primary key (payment_id, charge_id),
  foreign key (organization_id, payment_id) references payments (organization_id, id)
);
comment on table payment_allocations is 'append-only: which charges a payment pays';

create table refunds (
  id uuid primary key default gen_random_uuid(),
  organization_id uuid not null,
  payment_id uuid not null,
  patient_id uuid not null,
  amount_cents bigint not null check (amount_cents > 0),
  reason text not null check (length(reason) between 1 and 500),
  posting_date date not null,
  issued_by uuid references users (id),
  created_at timestamptz not null default now(),
  unique (organization_id, id),
  foreign key (organization_id, payment_id) references payments (organization_id, id),
  foreign key (organization_id, patient_id) references patients (organization_id, id)
);
create index refunds_payment on refunds (payment_id);
comment on table refunds is 'append-only: money returned from a payment, with the reason';

do $$
declare
  t text;
begin
  foreach t in array array['payments', 'payment_allocations', 'refunds'] loop
    execute format('alter table %I enable row level security', t);
    execute format(
      'create policy tenant_isolation on %I using (clinicdesk_tenant_visible(organization_id)) with check (clinicdesk_tenant_visible(organization_id))',
      t);
  end loop;
end $$;
