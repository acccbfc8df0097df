-- Rota (rota module): shift templates, assigned shifts, swaps, coverage rules, time off,
-- on-call shifts and their calendar feeds, handover notes. Per location; people are users
-- (identity). A duty is what someone does on a shift (a provider's clinic session, nurse,
-- medical assistant, front desk...), not an account role: medical assistants have no role.

create table shift_templates (
  id uuid primary key default gen_random_uuid(),
  organization_id uuid not null references organizations (id),
  location_id uuid not null,
  name text not null check (length(name) between 1 and 100),
  duty text not null check (duty in ('provider', 'nurse', 'medical_assistant', 'front_desk', 'office_manager', 'biller')),
  -- Local times at the location; an end at or before the start ends the next day (a night).
  start_time time not null,
  end_time time not null check (end_time <> start_time),
  active boolean not null default true,
  created_at timestamptz not null default now(),
  unique (organization_id, id),
  foreign key (organization_id, location_id) references locations (organization_id, id)
);
create index shift_templates_location on shift_templates (organization_id, location_id, name);

create table shifts (
  id uuid primary key default gen_random_uuid(),
  organization_id uuid not null references organizations (id),
  location_id uuid not null,
  user_id uuid not null,
  duty text not null check (duty in ('provider', 'nurse', 'medical_assistant', 'front_desk', 'office_manager', 'biller')),
  starts_at timestamptz not null,
  ends_at timestamptz not null,
  template_id uuid,
  note text not null default '' check (length(note) <= 500),
  created_by uuid references users (id),
  version integer not null default 1 check (version >= 1),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (organization_id, id),
  check (ends_at > starts_at and ends_at - starts_at <= interval '24 hours'),
  foreign key (organization_id, location_id) references locations (organization_id, id),
  foreign key (organization_id, user_id) references users (organization_id, id),
  foreign key (organization_id, template_id) references shift_templates (organization_id, id),
  -- Nobody works two shifts at once (anywhere).
  constraint shifts_person_no_overlap exclude using gist (user_id with =, tstzrange(starts_at, ends_at, '[)') with &&)
);
create index shifts_location_time on shifts (organization_id, location_id, starts_at);

create table shift_swaps (
  id uuid primary key default gen_random_uuid(),
  organization_id uuid not null references organizations (id),
  shift_id uuid not null,
  requested_by uuid not null,
  to_user_id uuid not null,
  -- The colleague's shift taken in exchange; none: the shift is simply handed over.
  counter_shift_id uuid,
  note text not null default '' check (length(note) <= 500),
  status text not null default 'pending' check (status in ('pending', 'approved', 'denied', 'withdrawn')),
  decided_by uuid references users (id),
  decided_at timestamptz,
  created_at timestamptz not null default now(),
  unique (organization_id, id),
  check (to_user_id <> requested_by),
  check (counter_shift_id is distinct from shift_id),
  check ((status in ('approved', 'denied')) = (decided_by is not null and decided_at is not null)),
  foreign key (organization_id, shift_id) references shifts (organization_id, id) on delete cascade,
  foreign key (organization_id, counter_shift_id) references shifts (organization_id, id) on delete cascade,
  foreign key (organization_id, requested_by) references users (organization_id, id),
  foreign key (organization_id, to_user_id) references users (organization_id, id)
);
-- One open request per shift.
create unique index shift_swaps_one_pending on shift_swaps (shift_id) where status = 'pending';
create index shift_swaps_org on shift_swaps (organization_id, status, created_at);

create table coverage_rules (
  id uuid primary key default gen_random_uuid(),
  organization_id uuid not null references organizations (id),
  location_id uuid not null,
  -- minimum: at least min_count people on `duty` over the window on those weekdays (the hours
  -- the location is open); support: each `duty` shift (a provider's session) needs at least
  -- min_count people of the supporting duties on throughout.
  kind text not null check (kind in ('minimum', 'support')),
  duty text not null check (duty in ('provider', 'nurse', 'medical_assistant', 'front_desk', 'office_manager', 'biller')),
  support_duties text[] not null default '{}'
    check (support_duties <@ array['provider', 'nurse', 'medical_assistant', 'front_desk', 'office_manager', 'biller']),
  min_count integer not null default 1 check (min_count between 1 and 20),
  weekdays smallint[] not null default '{}' check (weekdays <@ array[1, 2, 3, 4, 5, 6, 7]::smallint[]),
  start_time time,
  end_time time,
  label text not null default '' check (length(label) <= 200),
  created_at timestamptz not null default now(),
  unique (organization_id, id),
  check (kind <> 'minimum' or (cardinality(weekdays) > 0 and start_time is not null and end_time > start_time)),
  check (kind <> 'support' or (cardinality(support_duties) > 0 and start_time is null and end_time is null)),
  foreign key (organization_id, location_id) references locations (organization_id, id)
);
create index coverage_rules_location on coverage_rules (organization_id, location_id);

create table time_off (
  id uuid primary key default gen_random_uuid(),
  organization_id uuid not null references organizations (id),
  location_id uuid not null,
  user_id uuid,
  provider_id uuid,
  -- Whole days, inclusive, on the person's calendar (as scheduling's exceptions).
  start_date date not null,
  end_date date not null,
  reason text not null default '' check (length(reason) <= 200),
  status text not null default 'pending' check (status in ('pending', 'approved', 'denied', 'cancelled')),
  requested_by uuid references users (id),
  decided_by uuid references users (id),
  decided_at timestamptz,
  decision_note text not null default '' check (length(decision_note) <= 500),
  -- The scheduling exception that removes a provider's availability while approved.
  exception_id uuid,
  version integer not null default 1 check (version >= 1),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (organization_id, id),
  check (user_id is not null or provider_id is not null),
  check (end_date >= start_date and end_date - start_date <= 366),
  check (status = 'pending' or (decided_by is not null or status = 'cancelled') and decided_at is not null),
  check (exception_id is null or (status = 'approved' and provider_id is not null)),
  foreign key (organization_id, location_id) references locations (organization_id, id),
  foreign key (organization_id, user_id) references users (organization_id, id),
  foreign key (organization_id, provider_id) references providers (organization_id, id)
);
create index time_off_location on time_off (organization_id, location_id, status, start_date);
create index time_off_user on time_off (organization_id, user_id, start_date);

create table on_call_shifts (
  id uuid primary key default gen_random_uuid(),
  organization_id uuid not null references organizations (id),
  location_id uuid not null,
  user_id uuid not null,
  tier text not null default 'primary' check (tier in ('primary', 'backup')),
  starts_at timestamptz not null,
  ends_at timestamptz not null,
  note text not null default '' check (length(note) <= 500),
  created_by uuid references users (id),
  created_at timestamptz not null default now(),
  unique (organization_id, id),
  check (ends_at > starts_at and ends_at - starts_at <= interval '14 days'),
  foreign key (organization_id, location_id) references locations (organization_id, id),
  foreign key (organization_id, user_id) references users (organization_id, id),
  -- One primary on call per location at any moment.
  constraint on_call_primary_no_overlap exclude using gist (
    location_id with =, tstzrange(starts_at, ends_at, '[)') with &&
  ) where (tier = 'primary')
);
create index on_call_shifts_location_time on on_call_shifts (organization_id, location_id, ends_at);
create index on_call_shifts_user_time on on_call_shifts (organization_id, user_id, ends_at);

create table on_call_ical_tokens (
  id uuid primary key default gen_random_uuid(),
  organization_id uuid not null references organizations (id),
  user_id uuid not null,
  token_hash bytea not null unique,
  created_by uuid references users (id),
  created_at timestamptz not null default now(),
  revoked_at timestamptz,
  foreign key (organization_id, user_id) references users (organization_id, id)
);
create unique index on_call_ical_tokens_one_live on on_call_ical_tokens (organization_id, user_id) where revoked_at is null;

create table handovers (
  id uuid primary key default gen_random_uuid(),
  organization_id uuid not null references organizations (id),
  location_id uuid not null,
  written_by uuid not null,
  -- The incoming person; none: whoever comes on next at the location acknowledges.
  to_user_id uuid,
  open_items text not null default '' check (length(open_items) <= 4000),
  patients_waiting text not null default '' check (length(patients_waiting) <= 4000),
  tasks_due text not null default '' check (length(tasks_due) <= 4000),
  written_at timestamptz not null default now(),
  acknowledged_by uuid,
  acknowledged_at timestamptz,
  unique (organization_id, id),
  check ((acknowledged_by is null) = (acknowledged_at is null)),
  check (acknowledged_by is distinct from written_by),
  check (to_user_id is distinct from written_by),
  check (length(open_items) + length(patients_waiting) + length(tasks_due) > 0),
  foreign key (organization_id, location_id) references locations (organization_id, id),
  foreign key (organization_id, written_by) references users (organization_id, id),
  foreign key (organization_id, to_user_id) references users (organization_id, id),
  foreign key (organization_id, acknowledged_by) references users (organization_id, id)
);
create index handovers_location on handovers (organization_id, location_id, written_at desc, id desc);

do $$
declare
  t text;
begin
  foreach t in array array['shift_templates', 'shifts', 'shift_swaps', 'coverage_rules', 'time_off', 'on_call_shifts',
                           'on_call_ical_tokens', 'handovers'] loop
    execute format('alter table %I enable row level security', t);
    execute format(
      'create policy tenant_isolation on %I using (clinicdesk_tenant_visible(organization_id)) with check (clinicdesk_tenant_visible(organization_id))',
      t);
  end loop;
end $$;
