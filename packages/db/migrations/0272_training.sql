-- Training and policies (training module): what staff must take or read (HIPAA annual, OSHA,
-- the office's standard procedures, policies to acknowledge), who is assigned what by when, and
-- the completion with its date and evidence (a policy is completed by acknowledging it). Items
-- marked `onboarding` are assigned to every new account when it is created.

create table training_items (
  id uuid primary key default gen_random_uuid(),
  organization_id uuid not null references organizations (id),
  title text not null check (btrim(title) <> '' and length(title) <= 200),
  kind text not null check (kind in ('training', 'policy')),
  category text not null check (category in ('hipaa', 'osha', 'procedure', 'policy', 'other')),
  description text not null default '' check (length(description) <= 4000),
  -- Days a new assignment has to be completed in (the onboarding set uses it too).
  due_within_days integer not null default 30 check (due_within_days between 1 and 365),
  -- Repeats: a completion assigns the next one this many months later (HIPAA annual: 12).
  recurrence_months integer check (recurrence_months between 1 and 60),
  onboarding boolean not null default false,
  active boolean not null default true,
  version integer not null default 1 check (version >= 1),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (organization_id, id),
  unique (organization_id, title)
);

create table training_assignments (
  id uuid primary key default gen_random_uuid(),
  organization_id uuid not null references organizations (id),
  item_id uuid not null,
  user_id uuid not null,
  due_on date not null,
  assigned_by uuid,
  -- Why it was assigned: by hand, the onboarding set of a new account, or the item's recurrence.
  source text not null default 'manual' check (source in ('manual', 'onboarding', 'recurrence')),
  completed_on date,
  evidence text check (length(evidence) <= 2000),
  completed_at timestamptz,
  version integer not null default 1 check (version >= 1),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (organization_id, id),
  -- Completed exactly when it has a date and a time of recording.
  check ((completed_on is null) = (completed_at is null)),
  foreign key (organization_id, item_id) references training_items (organization_id, id),
  foreign key (organization_id, user_id) references users (organization_id, id),
  foreign key (organization_id, assigned_by) references users (organization_id, id)
);
-- One open assignment per person and item: assigning twice adds nothing.
create unique index training_assignments_one_open on training_assignments (item_id, user_id) where completed_on is null;
create index training_assignments_user on training_assignments (organization_id, user_id, due_on);
create index training_assignments_overdue on training_assignments (organization_id, due_on) where completed_on is null;

do $$
declare
  t text;
begin
  foreach t in array array['training_items', 'training_assignments'] loop
    execute format('alter table %I enable row level security', t);
    execute format(
      'create policy tenant_isolation on %I using (clinicdesk_tenant_visible(organization_id)) with check (clinicdesk_tenant_visible(organization_id))',
      t);
  end loop;
end $$;
