-- Codes: the public code sets shipped in the repository (ICD-10-CM FY2026, HCPCS Level II) and
-- the organization's own procedure list. The code sets are global reference data, the same for
-- every practice: no organization, no row-level security, written only by the reference-data
-- loader (packages/db/src/reference-data.ts) after migrating, never by the app.

-- One row per shipped file that has been loaded: it is reloaded only when its SHA-256 changes.
create table reference_data_sets (
  name text primary key,
  sha256 text not null check (sha256 ~ '^[0-9a-f]{64}$'),
  row_count integer not null check (row_count >= 0),
  loaded_at timestamptz not null default now()
);

-- ICD-10-CM: every code of the order file, billable (a valid diagnosis on a claim) or a
-- category heading. `code` carries its dot (E11.9); `code_key` is the same without it (E119),
-- what a search by code matches on. Rows are loaded in code order (physical order = code order).
create table icd10cm_codes (
  code text collate "C" primary key check (code ~ '^[A-Z][0-9A-Z]{2}(\.[0-9A-Z]{1,4})?$'),
  code_key text collate "C" not null unique check (code_key = replace(code, '.', '')),
  code_length smallint not null check (code_length = length(code_key)),
  billable boolean not null,
  description text not null check (length(description) between 1 and 400),
  -- Every folded description word, and '^' plus its first 1-3 letters (packages/db/src/reference-keys.ts).
  search_keys text[] not null,
  -- Search order: billable codes before headings, shorter (more general) codes first, then by
  -- code. The loader writes rows in this order (so it is also the physical order); a word search
  -- reads the first ranks through this index, then the rest through the GIN keys.
  search_rank integer not null unique
);
-- Prefix search by code, one range scan per code length (shorter codes rank first).
create index icd10cm_codes_by_length on icd10cm_codes (code_length, code_key);
create index icd10cm_codes_search on icd10cm_codes using gin (search_keys);

-- HCPCS Level II (CMS quarterly file): procedure codes (RECID 3) and modifiers (RECID 7).
-- A terminated code keeps its row with the date it ended.
create table hcpcs_codes (
  code text collate "C" primary key check (code ~ '^([A-V][0-9]{4}|[0-9A-Z]{2})$'),
  kind text not null check (kind in ('procedure', 'modifier')),
  short_description text not null check (length(short_description) between 1 and 100),
  long_description text not null check (length(long_description) between 1 and 5000),
  terminated_on date,
  search_keys text[] not null,
  check ((kind = 'procedure') = (code ~ '^[A-V][0-9]{4}$'))
);
create index hcpcs_codes_search on hcpcs_codes using gin (search_keys);

-- The words of each code set's descriptions: a typed word longer than the prefix keys is
-- expanded into the words it begins (at most a few dozen), so word search is key membership.
create table reference_words (
  code_set text not null check (code_set in ('icd10cm', 'hcpcs')),
  word text collate "C" not null,
  primary key (code_set, word)
);

comment on table reference_data_sets is 'reference data: which shipped code-set files are loaded (by SHA-256)';
comment on table icd10cm_codes is 'reference data: ICD-10-CM FY2026 (CMS order file), loaded from packages/db/reference';
comment on table hcpcs_codes is 'reference data: HCPCS Level II (CMS quarterly file), loaded from packages/db/reference';
comment on table reference_words is 'reference data: description words of the shipped code sets';

-- The practice's procedure list: CPT (5 characters: 5 digits, or 4 digits and F/T/U for
-- Category II/III and PLA codes) or HCPCS Level II (a letter and 4 digits) codes, each with the
-- practice's own description (CPT descriptions are licensed by the AMA: none ships), its
-- default fee and whether it is billed in units.
create table procedures (
  id uuid primary key default gen_random_uuid(),
  organization_id uuid not null references organizations (id),
  code text collate "C" not null check (code ~ '^([0-9]{4}[0-9FTU]|[A-V][0-9]{4})$'),
  description text not null check (length(btrim(description)) between 1 and 200 and description = btrim(description)),
  default_fee_cents bigint not null check (default_fee_cents between 0 and 100000000),
  takes_units boolean not null default false,
  active boolean not null default true,
  version integer not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (organization_id, code),
  unique (organization_id, id)
);

-- Fees are financial data: the second wall of tenancy, as in 0089.
alter table procedures enable row level security;
create policy tenant_isolation on procedures
  using (clinicdesk_tenant_visible(organization_id)) with check (clinicdesk_tenant_visible(organization_id));
