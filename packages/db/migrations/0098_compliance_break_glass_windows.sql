-- Break-glass grants belong to the compliance module (it opens, lists and reviews them; the table
-- itself comes from 0002). Its read surface for the access decision (access/patient-access*.ts,
-- patient search) and the audit append's break-glass flag: who may open which record until when,
-- without the reason. A plain view, inlined by the planner: the lookups keep the
-- break_glass_active index. Whether a grant is active is decided by the reader against its clock.
-- security_invoker: the reader's rights and row-level security apply as on the table.
create view break_glass_windows with (security_invoker = true) as
  select id, organization_id, user_id, patient_id, expires_at from break_glass_grants;

comment on view break_glass_windows is 'compliance module read surface: break-glass grants without their reason';
