-- The patients module's read surface (its manifest's `views`): what other modules join on hot
-- paths (appointment rows, iCal feeds, waitlist rows and offers) without querying its tables.
-- Plain views over one table, inlined by the planner. security_invoker: the reader's rights and
-- the tables' row-level security apply exactly as on the table (an owner-run view would skip them).

-- Names as lists show them, and what deciding access to the row needs (the access module's
-- mayOpenPatientSql and patientAccessMany): whether it is restricted, and its primary provider.
create view patient_names with (security_invoker = true) as
  select id, organization_id, given_name, family_name, restricted, primary_provider_id from patients;

-- Active patients who agreed to email reminders and have an address: who may be offered
-- something by email. Only the ids: no address or other contact detail is exposed.
create view patients_reachable_by_email with (security_invoker = true) as
  select id, organization_id from patients
   where status = 'active' and consent_email_reminders and email is not null;

comment on view patient_names is 'patients module read surface: names, the restricted flag and the primary provider';
comment on view patients_reachable_by_email is 'patients module read surface: active patients with email consent and an address';
