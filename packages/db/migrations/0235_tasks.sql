-- Tasks (tasks module): the office's to-do list. Minimal on purpose: the staff-operations
-- work extends it. A task may be about a patient (then PHI: read and written with its audit
-- row) and may come from something else (a call, a staff message, a letter), named by
-- `source` and `source_id`.

create table tasks (
  id uuid primary key default gen_random_uuid(),
  organization_id uuid not null references organizations (id),
  location_id uuid not null,
  title text not null check (length(title) between 1 and 200),
  note text not null default '' check (length(note) <= 2000),
  assignee_id uuid references users (id),
  due_on date,
  priority text not null default 'normal' check (priority in ('low', 'normal', 'high', 'urgent')),
  status text not null default 'open' check (status in ('open', 'done')),
  patient_id uuid,
  source text not null default 'manual' check (source in ('manual', 'call', 'message', 'letter')),
  source_id uuid,
  completed_at timestamptz,
  completed_by uuid references users (id),
  created_by uuid references users (id),
  version integer not null default 1 check (version >= 1),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (organization_id, id),
  -- A task from something names it; a task written by hand names nothing.
  check ((source = 'manual') = (source_id is null)),
  check ((status = 'done') = (completed_at is not null)),
  foreign key (organization_id, location_id) references locations (organization_id, id),
  foreign key (organization_id, patient_id) references patients (organization_id, id)
);
-- "My tasks" and the location's list: open ones by due date.
create index tasks_assignee on tasks (organization_id, assignee_id, status, due_on);
create index tasks_location on tasks (organization_id, location_id, status, due_on);
create index tasks_patient on tasks (patient_id) where patient_id is not null;
create index tasks_source on tasks (organization_id, source, source_id) where source_id is not null;

alter table tasks enable row level security;
create policy tenant_isolation on tasks using (clinicdesk_tenant_visible(organization_id))
  with check (clinicdesk_tenant_visible(organization_id));
