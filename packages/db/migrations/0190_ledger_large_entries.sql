-- One journal entry may carry a whole 837P batch (two lines per claim, up to 10,000 claims) or a
-- whole 835 payment: allow up to 1,000,000 lines, and check each entry's balance once per
-- transaction instead of once per line (the per-line deferred trigger summed the entry again for
-- every line: quadratic in its size). The first deferred check of an entry in a transaction sums
-- all its lines (all are in place at commit) and marks the entry checked for the rest of the
-- transaction; a line added to the entry in any later transaction is checked again.
alter table journal_lines drop constraint journal_lines_line_number_check;
alter table journal_lines add constraint journal_lines_line_number_check check (line_number between 1 and 1000000);

create or replace function ledger_entry_balanced() returns trigger language plpgsql as $$
declare
  n integer;
  d bigint;
  c bigint;
  entry uuid;
  flag text;
begin
  if tg_table_name = 'journal_entries' then entry := new.id; else entry := new.entry_id; end if;
  flag := 'clinicdesk.ledger_checked_' || replace(entry::text, '-', '');
  if current_setting(flag, true) = 'yes' then
    return null;
  end if;
  select count(*), coalesce(sum(debit_cents), 0), coalesce(sum(credit_cents), 0) into n, d, c
    from journal_lines where entry_id = entry;
  if n < 2 or d <> c then
    raise exception 'journal entry % does not balance: % lines, debits % cents, credits % cents', entry, n, d, c
      using errcode = 'check_violation';
  end if;
  perform set_config(flag, 'yes', true);
  return null;
end $$;
