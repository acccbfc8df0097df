-- The audit module's read surface for the reports (the compliance module: audit list, CSV export,
-- access report, break-glass report): the trail's rows, read-only. A plain view over
-- audit_events, inlined by the planner, so the reports keep their indexes (time, seq, patient,
-- break-glass). Only audit appends to the table (recordAudit and its kin).
-- security_invoker: the reader's rights and row-level security apply as on the table (and the
-- table's triggers still refuse any change).
create view audit_trail with (security_invoker = true) as
  select seq, occurred_at, organization_id, user_id, role, patient_id, action, resource_type, resource_id,
         outcome, ip, user_agent, request_id, break_glass, changes, details
    from audit_events;

comment on view audit_trail is 'audit module read surface: the audit trail, read-only';
