-- The organizations module's security setting that sign-in checks on every request: whether the
-- practice requires MFA (identity/sessions.ts resolves a session and this in one query). Read as
-- resolveSession always did: `require_mfa` cast to boolean, false when absent.
-- security_invoker: the reader's rights and row-level security apply as on the table.
create view organization_security with (security_invoker = true) as
  select id as organization_id, coalesce((settings ->> 'require_mfa')::boolean, false) as require_mfa
    from organizations;

comment on view organization_security is 'organizations module read surface: the MFA requirement';
