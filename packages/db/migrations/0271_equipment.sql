-- Equipment (equipment module): the inventory (name, room, serial number, vendor, service dates)
-- and fault tickets. An open fault marked out of service blocks its room for booking (scheduling
-- asks through the `appointment.booking` event); resolving the fault frees the room.
-- Preventive-maintenance due dates alert like credentials (equipment_alerts, one row per
-- equipment, due date and threshold).

create table equipment (
  id uuid primary key default gen_random_uuid(),
  organization_id uuid not null references organizations (id),
  location_id uuid not null,
  room_id uuid references rooms (id),
  name text not null check (btrim(name) <> '' and length(name) <= 200),
  serial_number text check (length(serial_number) between 1 and 100),
  vendor text not null default '' check (length(vendor) <= 200),
  vendor_phone text check (vendor_phone ~ '^\+[1-9][0-9]{6,14}$'),
  last_serviced_on date,
  service_due_on date,
  active boolean not null default true,
  version integer not null default 1 check (version >= 1),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (organization_id, id),
  unique (organization_id, serial_number),
  check (service_due_on is null or last_serviced_on is null or service_due_on >= last_serviced_on),
  foreign key (organization_id, location_id) references locations (organization_id, id)
);
create index equipment_location on equipment (organization_id, location_id, name, id);
create index equipment_service_due on equipment (organization_id, service_due_on) where active and service_due_on is not null;

create table equipment_faults (
  id uuid primary key default gen_random_uuid(),
  organization_id uuid not null references organizations (id),
  equipment_id uuid not null,
  -- The equipment's room and location when the fault was reported: the room it blocks.
  room_id uuid references rooms (id),
  location_id uuid not null,
  reported_by uuid,
  description text not null check (btrim(description) <> '' and length(description) <= 2000),
  severity text not null check (severity in ('low', 'medium', 'high', 'critical')),
  out_of_service boolean not null,
  status text not null default 'open' check (status in ('open', 'vendor_scheduled', 'resolved')),
  vendor_visit_on date,
  resolution text check (length(resolution) <= 2000),
  resolved_by uuid,
  resolved_at timestamptz,
  version integer not null default 1 check (version >= 1),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (organization_id, id),
  -- Resolved exactly when it has a resolution and a time.
  check ((status = 'resolved') = (resolved_at is not null)),
  check ((status = 'resolved') = (resolution is not null and btrim(resolution) <> '')),
  check (status <> 'vendor_scheduled' or vendor_visit_on is not null),
  foreign key (organization_id, equipment_id) references equipment (organization_id, id),
  foreign key (organization_id, location_id) references locations (organization_id, id),
  foreign key (organization_id, reported_by) references users (organization_id, id),
  foreign key (organization_id, resolved_by) references users (organization_id, id)
);
create index equipment_faults_equipment on equipment_faults (equipment_id, created_at desc);
create index equipment_faults_open on equipment_faults (organization_id, location_id, created_at desc) where status <> 'resolved';
-- The booking guard: rooms blocked now.
create index equipment_faults_blocking on equipment_faults (organization_id, room_id) where status <> 'resolved' and out_of_service;

create table equipment_alerts (
  organization_id uuid not null references organizations (id),
  equipment_id uuid not null,
  due_on date not null,
  threshold_days integer not null check (threshold_days in (90, 30, 7, 0)),
  recipients text[] not null default '{}',
  created_at timestamptz not null default now(),
  primary key (equipment_id, due_on, threshold_days),
  foreign key (organization_id, equipment_id) references equipment (organization_id, id)
);

do $$
declare
  t text;
begin
  foreach t in array array['equipment', 'equipment_faults', 'equipment_alerts'] loop
    execute format('alter table %I enable row level security', t);
    execute format(
      'create policy tenant_isolation on %I using (clinicdesk_tenant_visible(organization_id)) with check (clinicdesk_tenant_visible(organization_id))',
      t);
  end loop;
end $$;
