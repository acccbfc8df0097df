-- The identity module's read surface (its manifest's `views`): staff names for other modules'
-- joins (who changed a record, who is on a care team, who holds a break-glass grant) without
-- querying its tables. A plain view over one table, which the planner inlines: a join on it costs
-- what the join on users did. Only identity writes users (its use cases). security_invoker: the
-- reader's own rights and row-level security apply, as they would on the table.
-- No password hash, MFA secret or session detail: names, the login email, the linked provider
-- (the implicit care team) and whether the account is active.
create view staff_directory with (security_invoker = true) as
  select id, organization_id, email, display_name, provider_id, active from users;

comment on view staff_directory is 'identity module read surface: staff names, emails, linked providers';
