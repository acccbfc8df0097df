-- Locations' state in the directory: credentials answers, for one availability search, the
-- days a provider's licence for each location's state has lapsed, in one query joining it.
create or replace view location_directory with (security_invoker = true) as
  select id, organization_id, name, time_zone, active, state from locations;

comment on view location_directory is 'organizations module read surface: location names, time zones and states';
