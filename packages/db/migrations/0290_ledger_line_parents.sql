-- A journal line names its entry, its account and often a patient. Three foreign keys checked
-- that row by row: an entry of 20,000 lines (an 837P batch of 10,000 claims) ran 60,000 lookups,
-- 40,000 of them of the same entry and the same two accounts: two thirds of the time of the
-- whole insert. One check per statement does the same: every distinct (organization, entry),
-- (organization, account) and (organization, patient) the new lines name must exist, and is
-- locked FOR KEY SHARE as a foreign key would lock it, so a concurrent transaction cannot remove
-- it before this one commits. A missing one is refused with SQLSTATE 23503
-- (foreign_key_violation), as before.
--
-- What a foreign key also did on the other side stays impossible:
--  * entries are never changed or deleted (journal_entries_final, migration 0180);
--  * accounts are never deleted and never change their organization or code (below): an account
--    that is no longer used is made inactive;
--  * a patient whom the books name is not deleted and keeps its key (below). A concurrent
--    delete waits for the lines' key-share lock, then finds the committed lines and is refused.

alter table journal_lines drop constraint journal_lines_organization_id_entry_id_fkey;
alter table journal_lines drop constraint journal_lines_organization_id_account_code_fkey;
alter table journal_lines drop constraint journal_lines_organization_id_patient_id_fkey;

create function journal_lines_parents_exist() returns trigger language plpgsql as $$
declare
  missing record;
begin
  perform 1
    from journal_entries e
    join (select distinct organization_id, entry_id from new_lines) n on n.organization_id = e.organization_id and n.entry_id = e.id
    for key share of e;
  select n.organization_id, n.entry_id into missing
    from (select distinct organization_id, entry_id from new_lines) n
   where not exists (select 1 from journal_entries e where e.organization_id = n.organization_id and e.id = n.entry_id)
   limit 1;
  if found then
    raise exception 'journal line names entry % of organization %, which does not exist', missing.entry_id, missing.organization_id
      using errcode = 'foreign_key_violation';
  end if;
  perform 1
    from ledger_accounts a
    join (select distinct organization_id, account_code from new_lines) n on n.organization_id = a.organization_id and n.account_code = a.code
    for key share of a;
  select n.organization_id, n.account_code into missing
    from (select distinct organization_id, account_code from new_lines) n
   where not exists (select 1 from ledger_accounts a where a.organization_id = n.organization_id and a.code = n.account_code)
   limit 1;
  if found then
    raise exception 'journal line names account % of organization %, which does not exist', missing.account_code, missing.organization_id
      using errcode = 'foreign_key_violation';
  end if;
  perform 1
    from patients p
    join (select distinct organization_id, patient_id from new_lines where patient_id is not null) n
      on n.organization_id = p.organization_id and n.patient_id = p.id
    for key share of p;
  select n.organization_id, n.patient_id into missing
    from (select distinct organization_id, patient_id from new_lines where patient_id is not null) n
   where not exists (select 1 from patients p where p.organization_id = n.organization_id and p.id = n.patient_id)
   limit 1;
  if found then
    raise exception 'journal line names patient % of organization %, which does not exist', missing.patient_id, missing.organization_id
      using errcode = 'foreign_key_violation';
  end if;
  return null;
end $$ security definer set search_path = public, pg_temp;

create trigger journal_lines_parents after insert on journal_lines
  referencing new table as new_lines
  for each statement execute function journal_lines_parents_exist();

create function ledger_account_is_kept() returns trigger language plpgsql as $$
begin
  if tg_op = 'UPDATE' and new.organization_id = old.organization_id and new.code = old.code then
    return new;
  end if;
  raise exception 'a ledger account is never deleted and keeps its code: make it inactive instead'
    using errcode = 'object_not_in_prerequisite_state';
end $$;
create trigger ledger_accounts_kept before update of organization_id, code or delete on ledger_accounts
  for each row execute function ledger_account_is_kept();
create trigger ledger_accounts_truncate before truncate on ledger_accounts
  for each statement execute function ledger_posted_is_final();

create function patient_in_books_is_kept() returns trigger language plpgsql as $$
begin
  if tg_op = 'UPDATE' and new.organization_id = old.organization_id and new.id = old.id then
    return new;
  end if;
  if exists (select 1 from journal_lines where patient_id = old.id and organization_id = old.organization_id) then
    raise exception 'patient % has journal lines: a patient the books name is kept', old.id
      using errcode = 'foreign_key_violation';
  end if;
  return case when tg_op = 'DELETE' then old else new end;
end $$ security definer set search_path = public, pg_temp;
create trigger patients_in_books_kept before update of organization_id, id or delete on patients
  for each row execute function patient_in_books_is_kept();

-- Trigger functions only (they run as their owner): nobody calls them.
revoke execute on function journal_lines_parents_exist() from public;
revoke execute on function patient_in_books_is_kept() from public;
