-- Why an adjustment line was posted, so reports can split adjustments by reason without reading
-- the claims module's remittance tables: the CARC group and code of a remittance adjustment
-- (`CO-45`, `PR-1`, `OA-23`), `PLB-<code>` for a provider-level adjustment, or the kind of a
-- practice's own adjustment (`claim_write_off`, `small_balance_write_off`, `refund`). Lines posted
-- before this migration carry none. A reversal copies the reason of the line it mirrors.
alter table journal_lines add column reason text
  check (reason is null or (length(reason) between 1 and 40 and reason ~ '^[A-Za-z0-9_-]+$'));

-- What each payment applied to a payment plan (collections), so a refund or void of that payment
-- takes back exactly its part: `applied_cents` when posted, `returned_cents` of it taken back since
-- (refunds and voids), `refunded_cents` all refunds of the payment seen (a refund returns first
-- what the plan did not take). One row per plan and payment.
create table payment_plan_payments (
  organization_id uuid not null,
  plan_id uuid not null,
  payment_id uuid not null,
  payment_cents bigint not null check (payment_cents > 0),
  applied_cents bigint not null check (applied_cents > 0 and applied_cents <= payment_cents),
  returned_cents bigint not null default 0 check (returned_cents >= 0 and returned_cents <= applied_cents),
  refunded_cents bigint not null default 0 check (refunded_cents >= 0 and refunded_cents <= payment_cents),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  primary key (plan_id, payment_id),
  foreign key (organization_id, plan_id) references payment_plans (organization_id, id)
);
create index payment_plan_payments_payment on payment_plan_payments (organization_id, payment_id);
alter table payment_plan_payments enable row level security;
create policy tenant_isolation on payment_plan_payments
  using (clinicdesk_tenant_visible(organization_id)) with check (clinicdesk_tenant_visible(organization_id));

-- Why the agency sent an account back (collections: `POST /api/collections/agency/return`).
alter table collection_accounts add column agency_return_reason text check (length(agency_return_reason) between 1 and 500);
