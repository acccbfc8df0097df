-- Tasks grow into the office's work tracker (staff-operations): a task may be in progress,
-- belongs to a kind with a service level (a refill request within 48 hours), and may be part
-- of a project whose progress is the share of its tasks done.

alter table tasks drop constraint tasks_status_check;
alter table tasks add constraint tasks_status_check check (status in ('open', 'in_progress', 'done'));

alter table tasks add column kind text not null default 'general'
  check (kind in ('general', 'callback', 'refill_request', 'results', 'paperwork', 'billing', 'referral', 'equipment'));
-- When the task's service level runs out: its creation plus the kind's hours at that moment
-- (a later change of the level does not move tasks already made). Null: the kind has none.
alter table tasks add column sla_due_at timestamptz;
alter table tasks add constraint tasks_sla_after_creation check (sla_due_at is null or sla_due_at > created_at);

create table projects (
  id uuid primary key default gen_random_uuid(),
  organization_id uuid not null references organizations (id),
  location_id uuid not null,
  name text not null check (length(name) between 1 and 200),
  description text not null default '' check (length(description) <= 2000),
  owner_id uuid references users (id),
  due_on date,
  status text not null default 'active' check (status in ('active', 'done', 'archived')),
  created_by uuid references users (id),
  version integer not null default 1 check (version >= 1),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (organization_id, id),
  foreign key (organization_id, location_id) references locations (organization_id, id)
);
create index projects_location on projects (organization_id, location_id, status, name);
-- Two active projects of one location never share a name (the picker would be ambiguous).
create unique index projects_active_name on projects (organization_id, location_id, lower(name)) where status = 'active';

alter table tasks add column project_id uuid;
alter table tasks add constraint tasks_project foreign key (organization_id, project_id) references projects (organization_id, id);
create index tasks_project on tasks (organization_id, project_id, status) where project_id is not null;
create index tasks_sla on tasks (organization_id, location_id, sla_due_at) where status <> 'done' and sla_due_at is not null;

-- The practice's service levels: hours from creation to done, per kind of task.
create table task_slas (
  organization_id uuid not null references organizations (id),
  kind text not null
    check (kind in ('general', 'callback', 'refill_request', 'results', 'paperwork', 'billing', 'referral', 'equipment')),
  hours integer not null check (hours between 1 and 8760),
  updated_by uuid references users (id),
  updated_at timestamptz not null default now(),
  primary key (organization_id, kind)
);

do $$
declare
  t text;
begin
  foreach t in array array['projects', 'task_slas'] loop
    execute format('alter table %I enable row level security', t);
    execute format(
      'create policy tenant_isolation on %I using (clinicdesk_tenant_visible(organization_id)) with check (clinicdesk_tenant_visible(organization_id))',
      t);
  end loop;
end $$;
