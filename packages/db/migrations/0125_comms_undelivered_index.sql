-- The front desk's home page lists messages that did not reach their patient (failed or
-- bounced) in the last days, newest first: a small partial index keeps that read to the few
-- undelivered rows, however many messages the practice has sent.
create index messages_undelivered on messages (organization_id, created_at desc, id desc) where status in ('failed', 'bounced');

-- Whose visit it is, for the demo practice's message history (a reminder that bounced is the
-- patient's): the scheduling module's read surface gains the patient.
create or replace view appointment_times with (security_invoker = true) as
  select id, organization_id, starts_at, status, patient_id from appointments;
comment on view appointment_times is 'scheduling module read surface: visit times, statuses and patients (reminder sweep, demo messages)';
