-- Check-in confirmations: the front desk's "insurance confirmed" and "demographics
-- confirmed" ticks, stamped with who and when (null = not confirmed at this visit).
alter table appointments
  add column insurance_confirmed_at timestamptz,
  add column insurance_confirmed_by uuid references users (id),
  add column demographics_confirmed_at timestamptz,
  add column demographics_confirmed_by uuid references users (id);

-- The flow board shows the ticks as badges: announce their change like a status change.
create or replace function appointments_notify_flow_board() returns trigger language plpgsql as $$
begin
  if tg_op = 'INSERT' or new.status is distinct from old.status or new.room_id is distinct from old.room_id
     or new.insurance_confirmed_at is distinct from old.insurance_confirmed_at
     or new.demographics_confirmed_at is distinct from old.demographics_confirmed_at then
    perform pg_notify('flow_board', json_build_object(
      'organizationId', new.organization_id,
      'locationId', new.location_id,
      'appointmentId', new.id,
      'status', new.status)::text);
  end if;
  return null;
end $$;
