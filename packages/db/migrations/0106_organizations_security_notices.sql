-- A practice's MFA requirement (the organization_security view, migration 0096) is part of every
-- session check, and server processes keep checked sessions in memory for a few seconds
-- (identity/session-cache.ts): announce its change on commit, with the practice's id, so each
-- process drops that practice's sessions. Compared as the view reads it.
create function organizations_notify_security() returns trigger language plpgsql as $$
begin
  perform pg_notify('organization_security', new.id::text);
  return null;
end $$;

create trigger organizations_notify_security after update on organizations for each row
  when (coalesce((old.settings ->> 'require_mfa')::boolean, false)
        is distinct from coalesce((new.settings ->> 'require_mfa')::boolean, false))
  execute function organizations_notify_security();
