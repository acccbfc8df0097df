-- Each server process keeps the sessions it resolved in memory for a few seconds
-- (identity/session-cache.ts) and drops them when told on this channel, on commit, whoever made
-- the change (another process, the CLI, an operator's SQL): 's:<session id>' when a session
-- ends or its deadlines or MFA state change, 'u:<user id>' when a user's standing, MFA, name,
-- provider link or roles change. The idle window's slide (last_seen_at) is not announced: a
-- process that finds a session idle asks the database before ending it.
create function identity_notify_session() returns trigger language plpgsql as $$
begin
  perform pg_notify('identity_sessions', 's:' || old.id);
  return null;
end $$;

create trigger sessions_notify_change after update on sessions for each row
  when (old.ended_at is distinct from new.ended_at
        or old.mfa_pending is distinct from new.mfa_pending
        or old.expires_at is distinct from new.expires_at
        or old.idle_timeout_seconds is distinct from new.idle_timeout_seconds
        or old.user_id is distinct from new.user_id
        or old.organization_id is distinct from new.organization_id
        or old.token_hash is distinct from new.token_hash)
  execute function identity_notify_session();
-- Removing an ended session (pruning) changes nothing a process may hold.
create trigger sessions_notify_delete after delete on sessions for each row
  when (old.ended_at is null)
  execute function identity_notify_session();

create function identity_notify_user() returns trigger language plpgsql as $$
begin
  if tg_op in ('UPDATE', 'DELETE') then
    perform pg_notify('identity_sessions', 'u:' || old.id);
  end if;
  return null;
end $$;

create trigger users_notify_change after update on users for each row
  when (old.active is distinct from new.active
        or old.mfa_enabled is distinct from new.mfa_enabled
        or old.email is distinct from new.email
        or old.display_name is distinct from new.display_name
        or old.provider_id is distinct from new.provider_id
        or old.organization_id is distinct from new.organization_id)
  execute function identity_notify_user();
create trigger users_notify_delete after delete on users for each row
  execute function identity_notify_user();

create function identity_notify_user_roles() returns trigger language plpgsql as $$
begin
  if tg_op in ('UPDATE', 'DELETE') then
    perform pg_notify('identity_sessions', 'u:' || old.user_id);
  end if;
  if tg_op in ('INSERT', 'UPDATE') then
    perform pg_notify('identity_sessions', 'u:' || new.user_id);
  end if;
  return null;
end $$;

create trigger user_roles_notify_change after insert or update or delete on user_roles for each row
  execute function identity_notify_user_roles();
