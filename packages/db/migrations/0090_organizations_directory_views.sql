-- The organizations module's read surface (its manifest's `views`): what other modules join on
-- hot paths (appointment rows, the flow board, the availability snapshot, iCal feeds, waitlist
-- offers and their mail) without querying its tables. Each is a plain view over one table, which
-- the planner inlines: a join on one costs what the join on the table did. Only organizations
-- writes the tables (its use cases); other modules only read these. security_invoker: the reader's
-- own rights and row-level security apply, as they would on the table.

-- The practice's name.
create view organization_directory with (security_invoker = true) as
  select id, name from organizations;

-- The schedule part of organizations.settings, parsed as parseOrganizationSettings
-- (organizations/organization-settings.ts) does for what the settings API writes: patient names
-- in iCal feeds only when explicitly true; the no-show delay a JSON number of whole minutes >= 0,
-- else 30 (tests/integration/organization-schedule-settings.test.ts compares the two).
create view organization_schedule_settings with (security_invoker = true) as
  select id as organization_id,
         coalesce(settings -> 'ical_show_patient_names' = 'true'::jsonb, false) as ical_show_patient_names,
         case when jsonb_typeof(settings -> 'no_show_after_minutes') = 'number' then
           case when (settings ->> 'no_show_after_minutes')::numeric between 0 and 2147483647
                 and (settings ->> 'no_show_after_minutes')::numeric % 1 = 0
                then (settings ->> 'no_show_after_minutes')::numeric::integer
                else 30 end
         else 30 end as no_show_after_minutes
    from organizations;

-- Locations: name and clock (addresses and billing ids through organizations' functions).
create view location_directory with (security_invoker = true) as
  select id, organization_id, name, time_zone, active from locations;

-- Providers as the schedule names them.
create view provider_directory with (security_invoker = true) as
  select id, organization_id, given_name, family_name, credentials, active from providers;

-- Rooms: where they are and what kind (for reservations and the flow board).
create view room_directory with (security_invoker = true) as
  select id, organization_id, location_id, name, kind, active from rooms;

comment on view organization_directory is 'organizations module read surface: practice names';
comment on view organization_schedule_settings is 'organizations module read surface: schedule settings, parsed with defaults';
comment on view location_directory is 'organizations module read surface: location names and time zones';
comment on view provider_directory is 'organizations module read surface: provider names';
comment on view room_directory is 'organizations module read surface: rooms by location and kind';
