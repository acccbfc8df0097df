-- Scheduling: appointment types, weekly availability templates and their exceptions,
-- appointments with database-enforced no-double-booking, and the status history.
-- Clinic-local times are stored as wall-clock `time`/`date` values and read in the
-- location's IANA zone, so 09:00 stays 09:00 across daylight-saving changes.

-- Rooms and equipment are both `rooms` rows told apart by `kind` ('exam room',
-- 'procedure room', 'equipment: ultrasound'...): one bookable-resource list per location.

create table appointment_types (
  id uuid primary key default gen_random_uuid(),
  organization_id uuid not null references organizations (id),
  name text not null check (length(name) between 1 and 100),
  duration_minutes integer not null check (duration_minutes between 5 and 480),
  color text not null default '#228be6' check (color ~ '^#[0-9a-fA-F]{6}$'),
  -- Who the visit is for: a new patient, an established one, or either.
  patient_kind text not null default 'any' check (patient_kind in ('new', 'established', 'any')),
  -- Room/equipment kinds (rooms.kind) that must be free for the whole visit, one of each.
  resource_kinds text[] not null default '{}',
  -- Empty: every provider may see this type.
  provider_ids uuid[] not null default '{}',
  -- Minutes blocked after the visit (clean-up, notes); part of the booked range.
  buffer_minutes integer not null default 0 check (buffer_minutes between 0 and 120),
  overbooking_allowed boolean not null default false,
  active boolean not null default true,
  version integer not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (organization_id, name),
  unique (organization_id, id)
);

-- A weekly block of working hours of one provider at one location.
create table availability_templates (
  id uuid primary key default gen_random_uuid(),
  organization_id uuid not null references organizations (id),
  provider_id uuid not null,
  location_id uuid not null,
  -- ISO weekday: 1 Monday .. 7 Sunday.
  weekday smallint not null check (weekday between 1 and 7),
  start_time time not null,
  end_time time not null,
  effective_from date not null,
  effective_to date,
  version integer not null default 1,
  created_at timestamptz not null default now(),
  check (start_time < end_time),
  check (effective_to is null or effective_to >= effective_from),
  foreign key (organization_id, provider_id) references providers (organization_id, id),
  foreign key (organization_id, location_id) references locations (organization_id, id)
);
create index availability_templates_provider on availability_templates (organization_id, provider_id);

-- Departures from the templates on given days: time off, holidays, blocked time (lunch,
-- meetings) remove hours; extra_hours add them. A null provider means everyone at the
-- location (a holiday); a null location means the provider everywhere. Null times: all day.
create table availability_exceptions (
  id uuid primary key default gen_random_uuid(),
  organization_id uuid not null references organizations (id),
  provider_id uuid,
  location_id uuid,
  kind text not null check (kind in ('time_off', 'holiday', 'blocked', 'extra_hours')),
  start_date date not null,
  end_date date not null,
  start_time time,
  end_time time,
  reason text not null default '' check (length(reason) <= 200),
  created_at timestamptz not null default now(),
  check (end_date >= start_date),
  check ((start_time is null) = (end_time is null)),
  check (start_time is null or start_time < end_time),
  check (provider_id is not null or location_id is not null),
  check (kind <> 'extra_hours' or (provider_id is not null and location_id is not null and start_time is not null)),
  foreign key (organization_id, provider_id) references providers (organization_id, id),
  foreign key (organization_id, location_id) references locations (organization_id, id)
);
create index availability_exceptions_org_dates on availability_exceptions (organization_id, start_date, end_date);

create table appointment_series (
  id uuid primary key default gen_random_uuid(),
  organization_id uuid not null references organizations (id),
  patient_id uuid not null,
  provider_id uuid not null,
  location_id uuid not null,
  appointment_type_id uuid not null,
  local_time time not null,
  first_date date not null,
  every_weeks integer not null check (every_weeks between 1 and 52),
  until_date date,
  occurrence_count integer check (occurrence_count between 1 and 104),
  except_dates date[] not null default '{}',
  created_by uuid references users (id),
  created_at timestamptz not null default now(),
  foreign key (organization_id, patient_id) references patients (organization_id, id)
);

create table appointments (
  id uuid primary key default gen_random_uuid(),
  organization_id uuid not null references organizations (id),
  patient_id uuid not null,
  provider_id uuid not null,
  location_id uuid not null,
  appointment_type_id uuid not null,
  starts_at timestamptz not null,
  ends_at timestamptz not null,
  -- ends_at plus the type's buffer: the range the exclusion constraints hold.
  blocked_until timestamptz not null,
  status text not null default 'scheduled' check (
    status in ('scheduled', 'confirmed', 'arrived', 'roomed', 'with_provider', 'checked_out', 'cancelled', 'no_show', 'rescheduled')
  ),
  -- Booked on purpose over another booking (type allows it, or appointment:override): outside the constraints.
  overbooked boolean not null default false,
  -- Where the patient is now (set when roomed).
  room_id uuid references rooms (id),
  -- A room or equipment reserved for the visit because the type needs one.
  reserved_room_id uuid references rooms (id),
  notes text not null default '' check (length(notes) <= 2000),
  cancel_reason text check (cancel_reason in ('patient', 'clinic', 'weather', 'provider', 'other')),
  cancel_note text,
  series_id uuid references appointment_series (id),
  rescheduled_from_id uuid references appointments (id),
  rescheduled_to_id uuid references appointments (id),
  confirmed_at timestamptz,
  arrived_at timestamptz,
  roomed_at timestamptz,
  with_provider_at timestamptz,
  checked_out_at timestamptz,
  cancelled_at timestamptz,
  created_by uuid references users (id),
  version integer not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  check (starts_at < ends_at and ends_at <= blocked_until),
  foreign key (organization_id, patient_id) references patients (organization_id, id),
  foreign key (organization_id, provider_id) references providers (organization_id, id),
  foreign key (organization_id, location_id) references locations (organization_id, id),
  foreign key (organization_id, appointment_type_id) references appointment_types (organization_id, id),
  -- No double-booking, for every writer and under any concurrency: a provider, and a
  -- reserved room, hold at most one active booking at any instant.
  constraint appointments_provider_no_overlap exclude using gist (
    provider_id with =, tstzrange(starts_at, blocked_until, '[)') with &&
  ) where (status not in ('cancelled', 'no_show', 'rescheduled') and not overbooked),
  constraint appointments_room_no_overlap exclude using gist (
    reserved_room_id with =, tstzrange(starts_at, blocked_until, '[)') with &&
  ) where (reserved_room_id is not null and status not in ('cancelled', 'no_show', 'rescheduled') and not overbooked)
);
create index appointments_location_time on appointments (organization_id, location_id, starts_at);
create index appointments_provider_time on appointments (provider_id, starts_at);
create index appointments_patient_time on appointments (patient_id, starts_at);

-- Every status change: from, to, when, who. Append-only.
create table appointment_events (
  id bigint generated always as identity primary key,
  organization_id uuid not null references organizations (id),
  appointment_id uuid not null references appointments (id),
  from_status text,
  to_status text not null,
  at timestamptz not null,
  user_id uuid references users (id),
  details jsonb
);
comment on table appointment_events is 'append-only: appointment status history';
create index appointment_events_appointment on appointment_events (appointment_id, id);

-- Live flow board: every insert or status/room change is announced in the writing
-- transaction (delivered on commit), whoever the writer is.
create or replace function appointments_notify_flow_board() returns trigger language plpgsql as $$
begin
  if tg_op = 'INSERT' or new.status is distinct from old.status or new.room_id is distinct from old.room_id then
    perform pg_notify('flow_board', json_build_object(
      'organizationId', new.organization_id,
      'locationId', new.location_id,
      'appointmentId', new.id,
      'status', new.status)::text);
  end if;
  return null;
end $$;
create trigger appointments_flow_board after insert or update on appointments
  for each row execute function appointments_notify_flow_board();
