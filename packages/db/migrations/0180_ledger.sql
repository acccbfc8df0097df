-- The practice's books: a chart of accounts per organization and double-entry journal entries.
-- Every financial event posts one entry in the transaction of the event (ledger/post-entry.ts).
-- The database keeps the books honest whoever connects:
--  * an entry's lines balance (debits = credits, at least two lines): a deferred constraint
--    trigger checks at commit, so a writer cannot leave half an entry behind;
--  * posted entries and lines never change and are never deleted (triggers, also for owners and
--    superusers; the app role has INSERT/SELECT only): a correction is a reversing entry.
-- Amounts are integer cents; each line is a debit or a credit, never both.

create table ledger_accounts (
  organization_id uuid not null references organizations (id),
  code text not null check (code ~ '^[0-9]{4}$'),
  name text not null check (length(name) between 1 and 100),
  -- asset and expense (and contra-revenue) accounts grow with debits; liability, equity and revenue with credits.
  kind text not null check (kind in ('asset', 'liability', 'equity', 'revenue', 'contra_revenue', 'expense')),
  -- The role the code posts to (patient_ar, insurance_ar, revenue...): null for accounts a practice adds.
  system_key text check (system_key ~ '^[a-z_]{2,40}$'),
  active boolean not null default true,
  created_at timestamptz not null default now(),
  primary key (organization_id, code),
  unique (organization_id, system_key)
);

create table journal_entries (
  id uuid primary key default gen_random_uuid(),
  organization_id uuid not null references organizations (id),
  -- The accounting day (the location's calendar day when it was posted).
  posting_date date not null,
  kind text not null check (kind in (
    'charge', 'charge_void', 'claim_billed', 'insurance_payment', 'provider_adjustment', 'write_off',
    'patient_payment', 'refund', 'vendor_bill', 'bill_payment', 'deposit', 'transfer', 'reversal')),
  -- What posted it (a charge, a claim, a remittance...): one entry per source and kind, so a
  -- second delivery of the same event posts nothing.
  source_type text not null check (source_type ~ '^[a-z_]{2,40}$'),
  source_id text not null check (length(source_id) between 1 and 200),
  memo text not null check (length(memo) between 1 and 500),
  location_id uuid,
  reverses_entry_id uuid,
  posted_by uuid references users (id),
  posted_at timestamptz not null default now(),
  unique (organization_id, id),
  unique (organization_id, source_type, source_id, kind),
  foreign key (organization_id, location_id) references locations (organization_id, id),
  foreign key (organization_id, reverses_entry_id) references journal_entries (organization_id, id)
);
create index journal_entries_date on journal_entries (organization_id, posting_date, posted_at, id);
comment on table journal_entries is 'append-only: posted journal entries (corrections are reversing entries)';

create table journal_lines (
  organization_id uuid not null,
  entry_id uuid not null,
  line_number integer not null check (line_number between 1 and 10000),
  account_code text not null,
  debit_cents bigint not null default 0 check (debit_cents >= 0),
  credit_cents bigint not null default 0 check (credit_cents >= 0),
  -- What the line is about (sub-ledgers: a patient's account, a claim's insurance balance).
  patient_id uuid,
  encounter_id uuid,
  charge_id uuid,
  claim_id uuid,
  payer_id uuid,
  primary key (entry_id, line_number),
  check ((debit_cents > 0) <> (credit_cents > 0)),
  foreign key (organization_id, entry_id) references journal_entries (organization_id, id),
  foreign key (organization_id, account_code) references ledger_accounts (organization_id, code),
  foreign key (organization_id, patient_id) references patients (organization_id, id)
);
create index journal_lines_account on journal_lines (organization_id, account_code);
create index journal_lines_patient on journal_lines (patient_id, account_code) where patient_id is not null;
create index journal_lines_encounter on journal_lines (encounter_id, account_code) where encounter_id is not null;
create index journal_lines_claim on journal_lines (claim_id) where claim_id is not null;
comment on table journal_lines is 'append-only: the debit and credit lines of posted journal entries';

-- An entry balances and has at least two lines, checked at commit.
create function ledger_entry_balanced() returns trigger language plpgsql as $$
declare
  n integer;
  d bigint;
  c bigint;
  entry uuid;
begin
  if tg_table_name = 'journal_entries' then entry := new.id; else entry := new.entry_id; end if;
  select count(*), coalesce(sum(debit_cents), 0), coalesce(sum(credit_cents), 0) into n, d, c
    from journal_lines where entry_id = entry;
  if n < 2 or d <> c then
    raise exception 'journal entry % does not balance: % lines, debits % cents, credits % cents', entry, n, d, c
      using errcode = 'check_violation';
  end if;
  return null;
end $$;
create constraint trigger journal_lines_balanced after insert on journal_lines
  deferrable initially deferred for each row execute function ledger_entry_balanced();
create constraint trigger journal_entries_have_lines after insert on journal_entries
  deferrable initially deferred for each row execute function ledger_entry_balanced();

create function ledger_posted_is_final() returns trigger language plpgsql as $$
begin
  raise exception 'posted % cannot be changed or deleted: post a reversing entry', tg_table_name
    using errcode = 'object_not_in_prerequisite_state';
end $$;
create trigger journal_entries_final before update or delete on journal_entries
  for each row execute function ledger_posted_is_final();
create trigger journal_lines_final before update or delete on journal_lines
  for each row execute function ledger_posted_is_final();
create trigger journal_truncate_entries before truncate on journal_entries
  for each statement execute function ledger_posted_is_final();
create trigger journal_truncate_lines before truncate on journal_lines
  for each statement execute function ledger_posted_is_final();

do $$
declare
  t text;
begin
  foreach t in array array['ledger_accounts', 'journal_entries', 'journal_lines'] loop
    execute format('alter table %I enable row level security', t);
    execute format(
      'create policy tenant_isolation on %I using (clinicdesk_tenant_visible(organization_id)) with check (clinicdesk_tenant_visible(organization_id))',
      t);
  end loop;
end $$;
