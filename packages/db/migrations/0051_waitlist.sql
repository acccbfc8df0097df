-- Waitlist: patients who want an earlier visit, and offers of freed slots. An open
-- offer HOLDS its slot: the database refuses an appointment over an open offer and an
-- offer over an active appointment, for every writer, under any concurrency.

create table waitlist_entries (
  id uuid primary key default gen_random_uuid(),
  organization_id uuid not null references organizations (id),
  patient_id uuid not null,
  appointment_type_id uuid not null,
  -- Empty: any provider / any location.
  provider_ids uuid[] not null default '{}',
  location_ids uuid[] not null default '{}',
  -- Clinic-local dates the patient can come, inclusive.
  earliest_date date not null,
  latest_date date not null,
  -- 1 is offered first, 5 last; ties go to whoever waited longest.
  priority smallint not null default 3 check (priority between 1 and 5),
  status text not null default 'waiting' check (status in ('waiting', 'booked', 'removed')),
  notes text not null default '' check (length(notes) <= 1000),
  appointment_id uuid references appointments (id),
  created_by uuid references users (id),
  version integer not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  check (earliest_date <= latest_date),
  foreign key (organization_id, patient_id) references patients (organization_id, id),
  foreign key (organization_id, appointment_type_id) references appointment_types (organization_id, id)
);
create index waitlist_entries_matching on waitlist_entries (organization_id, appointment_type_id, priority, created_at) where status = 'waiting';

create table waitlist_offers (
  id uuid primary key default gen_random_uuid(),
  organization_id uuid not null references organizations (id),
  entry_id uuid not null references waitlist_entries (id),
  patient_id uuid not null,
  provider_id uuid not null,
  location_id uuid not null,
  appointment_type_id uuid not null,
  starts_at timestamptz not null,
  blocked_until timestamptz not null,
  -- The cancelled appointment whose slot is on offer: one offer per entry per slot.
  source_appointment_id uuid not null references appointments (id),
  status text not null default 'open' check (status in ('open', 'accepted', 'expired', 'withdrawn')),
  expires_at timestamptz not null,
  -- The booking an accepted offer became.
  appointment_id uuid references appointments (id),
  created_at timestamptz not null default now(),
  closed_at timestamptz,
  check (starts_at < blocked_until),
  unique (entry_id, source_appointment_id),
  -- Two open offers never hold overlapping time of one provider.
  constraint waitlist_offers_hold_no_overlap exclude using gist (
    provider_id with =, tstzrange(starts_at, blocked_until, '[)') with &&
  ) where (status = 'open')
);
create index waitlist_offers_source on waitlist_offers (source_appointment_id);
create index waitlist_offers_report on waitlist_offers (organization_id, created_at);

-- Holds and appointments live in two tables, so one exclusion constraint cannot cover
-- both. Each side checks the other under a per-provider advisory lock: bookings take it
-- shared (they never wait on each other for it), a new hold takes it exclusive, so the
-- check of whichever comes second sees the first. Violations raise SQLSTATE 23P01, the
-- code the scheduling module already answers as SLOT_TAKEN.
create or replace function waitlist_hold_lock_key(provider uuid) returns integer
language sql immutable as $$ select hashtext(provider::text) $$;

create or replace function waitlist_offers_check_slot() returns trigger language plpgsql as $$
begin
  perform pg_advisory_xact_lock(5051, waitlist_hold_lock_key(new.provider_id));
  if exists (
    select 1 from appointments a
    where a.provider_id = new.provider_id
      and a.status not in ('cancelled', 'no_show', 'rescheduled') and not a.overbooked
      and tstzrange(a.starts_at, a.blocked_until, '[)') && tstzrange(new.starts_at, new.blocked_until, '[)')
  ) then
    raise exception 'the slot is booked' using errcode = 'exclusion_violation';
  end if;
  return new;
end $$;
create trigger waitlist_offers_check_slot before insert or update of status, starts_at, blocked_until, provider_id on waitlist_offers
  for each row when (new.status = 'open') execute function waitlist_offers_check_slot();

create or replace function appointments_check_waitlist_hold() returns trigger language plpgsql as $$
begin
  perform pg_advisory_xact_lock_shared(5051, waitlist_hold_lock_key(new.provider_id));
  if exists (
    select 1 from waitlist_offers o
    where o.provider_id = new.provider_id and o.status = 'open'
      and tstzrange(o.starts_at, o.blocked_until, '[)') && tstzrange(new.starts_at, new.blocked_until, '[)')
  ) then
    raise exception 'the slot is held for a waitlist offer' using errcode = 'exclusion_violation';
  end if;
  return new;
end $$;
create trigger appointments_check_waitlist_hold before insert or update of status, starts_at, blocked_until, provider_id, overbooked on appointments
  for each row when (new.status not in ('cancelled', 'no_show', 'rescheduled') and not new.overbooked)
  execute function appointments_check_waitlist_hold();
