-- The scheduling module's read surface (its manifest's `views`): appointment type names, for
-- other modules' lists (waitlist entries) to join without querying scheduling's tables.
-- security_invoker: the reader's rights and row-level security apply as on the table.
create view appointment_type_names with (security_invoker = true) as
  select id, organization_id, name from appointment_types;

comment on view appointment_type_names is 'scheduling module read surface: appointment type names';
