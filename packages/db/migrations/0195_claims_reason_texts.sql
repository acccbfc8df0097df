-- Adjustment reason texts the office imports (claims module). The official CARC and RARC lists
-- (and their wording) are X12's and licensed: an office that holds them imports them as CSV;
-- what it imports is shown before the project's own short texts, else the bare code. One row per
-- organization, code set and code: an import upserts, clearing a code set goes back to the
-- built-in texts.

create table adjustment_reason_texts (
  organization_id uuid not null references organizations (id),
  code_set text not null check (code_set in ('CARC', 'RARC', 'GROUP')),
  code text not null check (code ~ '^[A-Z0-9]{1,5}$'),
  description text not null check (length(description) between 1 and 1000),
  imported_by uuid references users (id),
  imported_at timestamptz not null default now(),
  primary key (organization_id, code_set, code)
);

do $$
declare
  t text;
begin
  foreach t in array array['adjustment_reason_texts'] loop
    execute format('alter table %I enable row level security', t);
    execute format(
      'create policy tenant_isolation on %I using (clinicdesk_tenant_visible(organization_id)) with check (clinicdesk_tenant_visible(organization_id))',
      t);
  end loop;
end $$;
