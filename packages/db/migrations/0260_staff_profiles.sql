-- Staff directory (staff module): what the practice knows about a member of staff beyond
-- their account (identity owns `users`). One profile per user. Job title, home location and
-- supervisor are for everyone; hire date and emergency contact are HR fields, shown to
-- managers only (the module decides; the table keeps them together).

create table staff_profiles (
  organization_id uuid not null references organizations (id),
  user_id uuid not null,
  job_title text not null default '' check (length(job_title) <= 100),
  location_id uuid,
  hire_date date,
  supervisor_id uuid,
  emergency_contact_name text not null default '' check (length(emergency_contact_name) <= 200),
  emergency_contact_relation text not null default '' check (length(emergency_contact_relation) <= 60),
  emergency_contact_phone text not null default '' check (length(emergency_contact_phone) <= 40),
  version integer not null default 1 check (version >= 1),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  primary key (organization_id, user_id),
  -- Nobody supervises themselves.
  check (supervisor_id is distinct from user_id),
  foreign key (organization_id, user_id) references users (organization_id, id),
  foreign key (organization_id, supervisor_id) references users (organization_id, id),
  foreign key (organization_id, location_id) references locations (organization_id, id)
);
create index staff_profiles_location on staff_profiles (organization_id, location_id);

alter table staff_profiles enable row level security;
create policy tenant_isolation on staff_profiles using (clinicdesk_tenant_visible(organization_id))
  with check (clinicdesk_tenant_visible(organization_id));
