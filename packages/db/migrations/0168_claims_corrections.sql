-- Claims after the primary payer: replacement (frequency 7) and void (8) claims linked to the claim
-- they correct, with the payer's claim control number (REF*F8); write-offs.
-- A secondary claim needs no column: the primary's adjudication is frozen in its snapshot (otherPayers).

alter table claims
  add column replaces_claim_id uuid,
  -- REF*F8: the payer's own number of the claim being replaced or voided.
  add column payer_claim_control_number text check (payer_claim_control_number ~ '^[A-Za-z0-9-]{1,50}$'),
  add foreign key (organization_id, replaces_claim_id) references claims (organization_id, id),
  -- An original links to nothing; a replacement or void links to the claim it corrects and names it to the payer.
  add check ((frequency_code = '1') = (replaces_claim_id is null)),
  add check (frequency_code = '1' or payer_claim_control_number is not null),
  add check (replaces_claim_id is distinct from id);

-- The originals keep one claim per encounter and coverage (claims_one_per_encounter_coverage,
-- frequency 1 only); a corrected claim has at most one open correction at a time.
create unique index claims_one_open_correction on claims (organization_id, replaces_claim_id)
  where replaces_claim_id is not null and status <> 'closed';
create index claims_encounter on claims (organization_id, encounter_id);

create table claim_write_offs (
  id uuid primary key default gen_random_uuid(),
  organization_id uuid not null,
  claim_id uuid not null,
  amount_cents bigint not null check (amount_cents between 0 and 9999999999),
  reason text not null check (length(reason) between 1 and 500),
  user_id uuid references users (id),
  at timestamptz not null default now(),
  -- A claim is written off once (it is closed by it).
  unique (organization_id, claim_id),
  foreign key (organization_id, claim_id) references claims (organization_id, id)
);
comment on table claim_write_offs is 'append-only: an amount of a claim the practice gave up collecting from the payer, with the reason';

do $$
declare
  t text;
begin
  foreach t in array array['claim_write_offs'] loop
    execute format('alter table %I enable row level security', t);
    execute format(
      'create policy tenant_isolation on %I using (clinicdesk_tenant_visible(organization_id)) with check (clinicdesk_tenant_visible(organization_id))',
      t);
  end loop;
end $$;
