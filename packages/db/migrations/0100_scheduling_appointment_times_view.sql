-- The scheduling module's read surface, continued: when each visit is and whether it is still on,
-- for the reminder sweep (comms) to find due reminders without querying scheduling's tables.
create view appointment_times with (security_invoker = true) as
  select id, organization_id, starts_at, status from appointments;

comment on view appointment_times is 'scheduling module read surface: visit times and statuses (reminder sweep)';
