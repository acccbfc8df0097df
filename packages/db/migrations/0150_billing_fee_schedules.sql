-- Fee schedules: the practice's standard charge per procedure code and modifier (payer_id null),
-- and each payer's contracted (allowed) amounts (payer_id set), both dated. An entry is in force
-- from `effective_from` through `effective_to` (inclusive; null: until further notice). Two
-- entries of one schedule for the same code and modifier never cover the same day: the
-- exclusion constraint refuses it, so "the price on the date of service" has at most one answer
-- (deferrable: an import that shortens one entry and moves another checks them at commit).

create table fee_schedule_entries (
  id uuid primary key default gen_random_uuid(),
  organization_id uuid not null references organizations (id),
  -- Null: the standard schedule; else that payer's contract.
  payer_id uuid,
  code text not null check (code ~ '^([0-9]{4}[0-9A-Z]|[A-Z][0-9]{4})$'),
  -- '' when the price is for the code without a modifier.
  modifier text not null default '' check (modifier ~ '^([0-9A-Z]{2})?$'),
  amount_cents bigint not null check (amount_cents between 0 and 100000000),
  effective_from date not null,
  effective_to date check (effective_to >= effective_from),
  version integer not null default 1,
  created_by uuid references users (id),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (organization_id, id),
  foreign key (organization_id, payer_id) references payers (organization_id, id),
  constraint fee_schedule_entries_no_overlap exclude using gist (
    organization_id with =,
    (coalesce(payer_id, '00000000-0000-0000-0000-000000000000'::uuid)) with =,
    code with =,
    modifier with =,
    daterange(effective_from, effective_to, '[]') with &&
  ) deferrable initially immediate
);
-- Lists and the price on a day: one schedule's entries of a code (btree finds `payer_id is null` too).
create index fee_schedule_entries_list on fee_schedule_entries (organization_id, payer_id, code, modifier, effective_from);

alter table fee_schedule_entries enable row level security;
create policy tenant_isolation on fee_schedule_entries
  using (clinicdesk_tenant_visible(organization_id)) with check (clinicdesk_tenant_visible(organization_id));
