-- Daily close per location, deposit batches, and payment voids (deposits module; the void
-- columns and the payment_movements view belong to the accounts module).
--  * daily_closes: one per location and day (unique), append-only: what the day's payments were
--    by method and by user (a snapshot), the cash expected in the drawer, the cash counted and the
--    variance (counted - expected, checked here). A closed day cannot change: payments, refunds
--    and void reversals dated into it are refused (deposits/day-lock.ts: the close takes an
--    exclusive advisory lock per location and day, a payment a shared one).
--  * deposits + deposit_items: a batch taking payments from the drawer and undeposited funds to
--    the bank; a payment is in at most one deposit (unique).
--  * payments.voided_*: a void says the payment never happened; its entry is reversed.

create table daily_closes (
  id uuid primary key default gen_random_uuid(),
  organization_id uuid not null references organizations (id),
  location_id uuid not null,
  close_date date not null,
  expected_cash_cents bigint not null check (expected_cash_cents between -9999999999 and 9999999999),
  counted_cash_cents bigint not null check (counted_cash_cents between 0 and 9999999999),
  variance_cents bigint not null,
  payment_count integer not null check (payment_count >= 0),
  total_cents bigint not null,
  -- Snapshots: [{ method, count, cents }] and [{ userId, name, count, cents }] as recorded at the close.
  by_method jsonb not null check (jsonb_typeof(by_method) = 'array'),
  by_user jsonb not null check (jsonb_typeof(by_user) = 'array'),
  note text not null default '' check (length(note) <= 500),
  closed_by uuid references users (id),
  closed_at timestamptz not null default now(),
  unique (organization_id, id),
  unique (organization_id, location_id, close_date),
  check (variance_cents = counted_cash_cents - expected_cash_cents),
  foreign key (organization_id, location_id) references locations (organization_id, id)
);
create index daily_closes_location on daily_closes (organization_id, location_id, close_date desc);
comment on table daily_closes is 'append-only: closed days per location (a closed day never changes)';

create table deposits (
  id uuid primary key default gen_random_uuid(),
  organization_id uuid not null references organizations (id),
  location_id uuid not null,
  deposit_date date not null,
  cash_cents bigint not null check (cash_cents >= 0),
  check_cents bigint not null check (check_cents >= 0),
  card_cents bigint not null check (card_cents >= 0),
  total_cents bigint not null check (total_cents between 1 and 999999999999),
  payment_count integer not null check (payment_count between 1 and 1000),
  bank_reference text check (length(bank_reference) between 1 and 100),
  deposited_by uuid references users (id),
  created_at timestamptz not null default now(),
  unique (organization_id, id),
  check (total_cents = cash_cents + check_cents + card_cents),
  foreign key (organization_id, location_id) references locations (organization_id, id)
);
create index deposits_location on deposits (organization_id, location_id, deposit_date desc, created_at desc, id desc);
comment on table deposits is 'append-only: deposit batches to the bank';

create table deposit_items (
  organization_id uuid not null,
  deposit_id uuid not null,
  payment_id uuid not null,
  method text not null check (method in ('cash', 'check', 'card')),
  amount_cents bigint not null check (amount_cents > 0),
  primary key (deposit_id, payment_id),
  -- A payment goes to the bank once.
  unique (organization_id, payment_id),
  foreign key (organization_id, deposit_id) references deposits (organization_id, id),
  foreign key (organization_id, payment_id) references payments (organization_id, id)
);
comment on table deposit_items is 'append-only: the payments of a deposit';

alter table payments
  add column voided_at timestamptz,
  add column void_reason text check (length(void_reason) between 1 and 500),
  add column void_date date,
  add column voided_by uuid references users (id),
  add constraint payments_void_complete check ((voided_at is null) = (void_reason is null) and (voided_at is null) = (void_date is null)),
  add constraint payments_void_unrefunded check (voided_at is null or refunded_cents = 0);
create index payments_void_day on payments (organization_id, location_id, void_date) where voided_at is not null;
create index refunds_day on refunds (organization_id, posting_date);

-- The accounts module's read surface for the daily close and deposits: every movement of money
-- at a desk, signed (a payment adds, a refund or a void takes away), on the day it counts for.
create view payment_movements with (security_invoker = true) as
  select p.organization_id, p.id as payment_id, p.location_id, 'payment'::text as movement, p.posting_date as movement_date,
         p.method, p.amount_cents, p.posted_by as user_id, p.created_at as recorded_at
    from payments p
  union all
  select r.organization_id, r.payment_id, p.location_id, 'refund', r.posting_date, p.method, -r.amount_cents, r.issued_by, r.created_at
    from refunds r join payments p on p.organization_id = r.organization_id and p.id = r.payment_id
  union all
  select p.organization_id, p.id, p.location_id, 'void', p.void_date, p.method, -p.amount_cents, p.voided_by, p.voided_at
    from payments p where p.voided_at is not null;
comment on view payment_movements is 'accounts module read surface: payments, refunds and voids by location and day';

do $$
declare
  t text;
begin
  foreach t in array array['daily_closes', 'deposits', 'deposit_items'] loop
    execute format('alter table %I enable row level security', t);
    execute format(
      'create policy tenant_isolation on %I using (clinicdesk_tenant_visible(organization_id)) with check (clinicdesk_tenant_visible(organization_id))',
      t);
  end loop;
end $$;
