-- The patients module's read surface for access decisions (access/care-team.ts,
-- access/patient-access*.ts, the break-glass request): what a restricted record's care team is
-- made of, without querying its tables. Plain views over one table each, inlined by the planner,
-- so the access predicates keep their index probes (one round trip where they had one).
-- security_invoker: the reader's rights and the tables' row-level security apply as on the table.

-- Whether a record is restricted, and its primary provider (whose linked users are on its team).
create view patient_access_facts with (security_invoker = true) as
  select id, organization_id, restricted, primary_provider_id from patients;

-- The explicitly listed members of each patient's care team.
create view patient_care_team_members with (security_invoker = true) as
  select organization_id, patient_id, user_id from patient_care_team;

comment on view patient_access_facts is 'patients module read surface: restricted flag and primary provider, for access decisions';
comment on view patient_care_team_members is 'patients module read surface: listed care team members';
