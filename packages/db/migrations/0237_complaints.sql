-- Complaints and feedback (complaints module): concerns about services and care, who raised
-- them, how serious, who owns them, by when, how they were resolved and whether the patient
-- was told. Managers read them; anyone at the desk may log one.

create table complaints (
  id uuid primary key default gen_random_uuid(),
  organization_id uuid not null references organizations (id),
  location_id uuid,
  patient_id uuid,
  -- Who raised it when that is not the patient (a daughter, a neighbour), or as they gave it.
  complainant text not null default '' check (length(complainant) <= 200),
  received_on date not null,
  description text not null check (length(description) between 1 and 4000),
  category text not null
    check (category in ('clinical_care', 'staff_conduct', 'wait_time', 'billing', 'communication', 'privacy', 'facility', 'other')),
  severity text not null check (severity in ('low', 'medium', 'high', 'critical')),
  owner_id uuid references users (id),
  due_on date,
  status text not null default 'open' check (status in ('open', 'investigating', 'resolved', 'closed')),
  resolution text check (length(resolution) between 1 and 4000),
  patient_informed boolean not null default false,
  resolved_on date,
  created_by uuid references users (id),
  version integer not null default 1 check (version >= 1),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (organization_id, id),
  -- Someone raised it: a patient, or a person named.
  check (patient_id is not null or length(complainant) > 0),
  -- Resolved means a resolution is written down, and when.
  check (status not in ('resolved', 'closed') or (resolution is not null and resolved_on is not null)),
  check (due_on is null or due_on >= received_on),
  foreign key (organization_id, location_id) references locations (organization_id, id),
  foreign key (organization_id, patient_id) references patients (organization_id, id)
);
create index complaints_received on complaints (organization_id, received_on desc, id desc);
create index complaints_patient on complaints (patient_id) where patient_id is not null;

alter table complaints enable row level security;
create policy tenant_isolation on complaints using (clinicdesk_tenant_visible(organization_id))
  with check (clinicdesk_tenant_visible(organization_id));
