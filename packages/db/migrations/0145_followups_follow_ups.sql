-- Follow-ups: visits a signed plan asks for ("return in 90 days"), or the front desk notes by
-- hand, waiting on the worklist until someone books them (or closes them). The constraints
-- make the bad states impossible: booked means an appointment, closed means a reason, and
-- one signed encounter asks for at most one follow-up (the reaction may run only once).

create table follow_ups (
  id uuid primary key default gen_random_uuid(),
  organization_id uuid not null references organizations (id),
  patient_id uuid not null,
  -- Null: any provider (a follow-up noted by hand without a preference).
  provider_id uuid,
  location_id uuid not null,
  -- The signed encounter whose plan asked for it; null when noted by hand.
  encounter_id uuid unique,
  -- Null: the desk chooses the type when booking.
  appointment_type_id uuid,
  -- Clinic-local date the patient should be seen by.
  due_date date not null,
  note text not null default '' check (length(note) <= 1000),
  status text not null default 'open' check (status in ('open', 'booked', 'closed')),
  appointment_id uuid references appointments (id),
  closed_reason text check (length(closed_reason) between 1 and 500),
  closed_at timestamptz,
  created_by uuid references users (id),
  version integer not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  check ((status = 'booked') = (appointment_id is not null)),
  check ((status = 'closed') = (closed_reason is not null and closed_at is not null)),
  foreign key (organization_id, patient_id) references patients (organization_id, id),
  foreign key (organization_id, provider_id) references providers (organization_id, id),
  foreign key (organization_id, location_id) references locations (organization_id, id),
  foreign key (organization_id, appointment_type_id) references appointment_types (organization_id, id)
);
-- The worklist: open ones by due date, per practice (and the location filter rides on it).
create index follow_ups_worklist on follow_ups (organization_id, status, due_date, id);
create index follow_ups_patient on follow_ups (patient_id);

alter table follow_ups enable row level security;
create policy tenant_isolation on follow_ups
  using (clinicdesk_tenant_visible(organization_id)) with check (clinicdesk_tenant_visible(organization_id));
