-- Note templates (per appointment type, or for any visit) and quick texts (".normalexam"
-- expands to the practice's normal exam text), both edited by the practice.

create table note_templates (
  id uuid primary key default gen_random_uuid(),
  organization_id uuid not null references organizations (id),
  -- Null: offered for any visit.
  appointment_type_id uuid,
  name text not null check (length(name) between 1 and 100),
  subjective text not null default '' check (length(subjective) <= 20000),
  objective text not null default '' check (length(objective) <= 20000),
  assessment text not null default '' check (length(assessment) <= 20000),
  plan text not null default '' check (length(plan) <= 20000),
  active boolean not null default true,
  version integer not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (organization_id, name),
  foreign key (organization_id, appointment_type_id) references appointment_types (organization_id, id)
);
create index note_templates_type on note_templates (organization_id, appointment_type_id);

create table quick_texts (
  id uuid primary key default gen_random_uuid(),
  organization_id uuid not null references organizations (id),
  -- Typed in the note to expand: a dot, then lower-case letters, digits, '-' or '_'.
  abbreviation text not null check (abbreviation ~ '^\.[a-z0-9][a-z0-9_-]{0,39}$'),
  text text not null check (length(text) between 1 and 5000),
  active boolean not null default true,
  version integer not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (organization_id, abbreviation)
);

do $$
declare
  t text;
begin
  foreach t in array array['note_templates', 'quick_texts'] loop
    execute format('alter table %I enable row level security', t);
    execute format(
      'create policy tenant_isolation on %I using (clinicdesk_tenant_visible(organization_id)) with check (clinicdesk_tenant_visible(organization_id))',
      t);
  end loop;
end $$;
