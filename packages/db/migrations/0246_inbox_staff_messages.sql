-- Staff messages: internal threads between staff, optionally about a patient, assignable to a
-- user or queued for a provider (a refill request goes to the prescriber), with who has read
-- what and whether the thread is done.

create table staff_threads (
  id uuid primary key default gen_random_uuid(),
  organization_id uuid not null references organizations (id),
  kind text not null default 'message' check (kind in ('message', 'refill_request')),
  subject text not null check (length(subject) between 1 and 200),
  patient_id uuid,
  -- A refill request names the medication (its id in the chart and its name as it read).
  medication_id uuid,
  medication_name text check (length(medication_name) between 1 and 200),
  -- The provider's queue it sits in (the prescriber for a refill request).
  provider_id uuid,
  assigned_to uuid,
  created_by uuid references users (id),
  done_at timestamptz,
  done_by uuid references users (id),
  last_message_at timestamptz not null,
  version integer not null default 1,
  created_at timestamptz not null default now(),
  check (kind <> 'refill_request' or (patient_id is not null and medication_name is not null and provider_id is not null)),
  check ((done_at is null) = (done_by is null)),
  unique (organization_id, id),
  foreign key (organization_id, patient_id) references patients (organization_id, id),
  foreign key (organization_id, provider_id) references providers (organization_id, id),
  foreign key (organization_id, assigned_to) references users (organization_id, id)
);
create index staff_threads_assigned on staff_threads (organization_id, assigned_to, last_message_at desc) where done_at is null;
create index staff_threads_provider on staff_threads (organization_id, provider_id, last_message_at desc) where done_at is null;
create index staff_threads_recent on staff_threads (organization_id, last_message_at desc, id desc);
create index staff_threads_patient on staff_threads (patient_id) where patient_id is not null;

create table staff_messages (
  id uuid primary key default gen_random_uuid(),
  organization_id uuid not null,
  thread_id uuid not null,
  author_id uuid references users (id),
  body text not null check (length(body) between 1 and 5000),
  created_at timestamptz not null default now(),
  foreign key (organization_id, thread_id) references staff_threads (organization_id, id)
);
comment on table staff_messages is 'append-only: each message of a staff thread as written';
create index staff_messages_thread on staff_messages (thread_id, created_at, id);
create index staff_messages_author on staff_messages (author_id, thread_id);

-- When each user last read each thread: unread = a message after it by someone else.
create table staff_thread_reads (
  organization_id uuid not null,
  thread_id uuid not null,
  user_id uuid not null references users (id),
  read_at timestamptz not null,
  primary key (thread_id, user_id),
  foreign key (organization_id, thread_id) references staff_threads (organization_id, id)
);

do $$
declare
  t text;
begin
  foreach t in array array['staff_threads', 'staff_messages', 'staff_thread_reads'] loop
    execute format('alter table %I enable row level security', t);
    execute format(
      'create policy tenant_isolation on %I using (clinicdesk_tenant_visible(organization_id)) with check (clinicdesk_tenant_visible(organization_id))',
      t);
  end loop;
end $$;
