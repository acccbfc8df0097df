-- The call log (calls module): every phone call the desk takes or makes, its number in E.164,
-- the patient it was about (matched by phone or picked by the desk), why, what happened and
-- whether someone still has to act on it. The note is PHI: read and written with its audit row.

create table calls (
  id uuid primary key default gen_random_uuid(),
  organization_id uuid not null references organizations (id),
  location_id uuid not null,
  direction text not null check (direction in ('inbound', 'outbound')),
  phone text not null check (phone ~ '^\+[1-9][0-9]{6,14}$'),
  patient_id uuid,
  reason text not null check (reason in ('appointment', 'refill_request', 'billing_question', 'results', 'complaint', 'other')),
  note text not null default '' check (length(note) <= 4000),
  outcome text check (outcome in ('resolved', 'message_taken', 'left_voicemail', 'voicemail', 'missed', 'no_answer', 'wrong_number')),
  -- Someone has to act (call back, a refill, a task): open until marked done.
  follow_up text not null default 'none' check (follow_up in ('none', 'open', 'done')),
  -- Who the follow-up is for ("who called while I was out").
  assigned_to uuid references users (id),
  -- The task the follow-up became (tasks module), when the desk made one.
  task_id uuid,
  taken_by uuid references users (id),
  occurred_at timestamptz not null,
  version integer not null default 1 check (version >= 1),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (organization_id, id),
  -- A call the desk did not answer is an inbound call; a message left on the patient's machine is an outbound one.
  check (outcome not in ('missed', 'voicemail') or direction = 'inbound'),
  check (outcome not in ('left_voicemail', 'no_answer') or direction = 'outbound'),
  foreign key (organization_id, location_id) references locations (organization_id, id),
  foreign key (organization_id, patient_id) references patients (organization_id, id),
  foreign key (organization_id, task_id) references tasks (organization_id, id)
);
create index calls_recent on calls (organization_id, occurred_at desc, id desc);
create index calls_patient on calls (patient_id, occurred_at desc) where patient_id is not null;
-- "Who called while I was out": open follow-ups and unanswered calls.
create index calls_open on calls (organization_id, location_id, occurred_at desc) where follow_up = 'open';

alter table calls enable row level security;
create policy tenant_isolation on calls using (clinicdesk_tenant_visible(organization_id))
  with check (clinicdesk_tenant_visible(organization_id));
