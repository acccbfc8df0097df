-- Recalls: due dates such as annual physicals, worked from an overdue list, each call,
-- letter or message logged in an append-only contact log.

create table recalls (
  id uuid primary key default gen_random_uuid(),
  organization_id uuid not null references organizations (id),
  patient_id uuid not null,
  recall_type text not null
    check (recall_type in ('annual_physical', 'wellness', 'diabetic_eye', 'mammogram', 'colonoscopy', 'lab', 'other')),
  -- The practice's own words for it ("B12 injection"); required for `other`.
  label text check (length(label) between 1 and 100),
  due_date date not null,
  provider_id uuid,
  status text not null default 'due' check (status in ('due', 'contacted', 'booked', 'closed')),
  note text not null default '' check (length(note) <= 1000),
  created_by uuid references users (id),
  version integer not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  check (recall_type <> 'other' or label is not null),
  unique (organization_id, id),
  foreign key (organization_id, patient_id) references patients (organization_id, id),
  foreign key (organization_id, provider_id) references providers (organization_id, id)
);
-- The overdue list: open recalls by due date.
create index recalls_worklist on recalls (organization_id, due_date, id) where status in ('due', 'contacted');
create index recalls_patient on recalls (patient_id);

create table recall_contacts (
  id uuid primary key default gen_random_uuid(),
  organization_id uuid not null,
  recall_id uuid not null,
  contacted_at timestamptz not null,
  user_id uuid references users (id),
  method text not null check (method in ('phone', 'sms', 'email', 'letter', 'in_person')),
  outcome text not null check (outcome in ('reached', 'left_message', 'no_answer', 'wrong_number', 'declined', 'booked')),
  note text not null default '' check (length(note) <= 1000),
  created_at timestamptz not null default now(),
  foreign key (organization_id, recall_id) references recalls (organization_id, id)
);
create index recall_contacts_recall on recall_contacts (recall_id, contacted_at desc, id desc);
comment on table recall_contacts is 'append-only: each attempt to reach a patient about a recall, as it happened';

do $$
declare
  t text;
begin
  foreach t in array array['recalls', 'recall_contacts'] loop
    execute format('alter table %I enable row level security', t);
    execute format(
      'create policy tenant_isolation on %I using (clinicdesk_tenant_visible(organization_id)) with check (clinicdesk_tenant_visible(organization_id))',
      t);
  end loop;
end $$;
