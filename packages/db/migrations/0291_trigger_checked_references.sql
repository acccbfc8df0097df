-- The references journal_lines_parents checks instead of foreign keys (migration 0290), declared
-- on the trigger itself: backups read every trigger comment that begins 'checks references'
-- (packages/db/src/backup/catalog.ts), so a restore orders the tables by them and checks them as
-- it checks foreign keys, and a later trigger that replaces a key declares its references here too.
comment on trigger journal_lines_parents on journal_lines is
  'checks references [{"name":"entry","parent":"journal_entries","childColumns":["organization_id","entry_id"],"parentColumns":["organization_id","id"]},{"name":"account","parent":"ledger_accounts","childColumns":["organization_id","account_code"],"parentColumns":["organization_id","code"]},{"name":"patient","parent":"patients","childColumns":["organization_id","patient_id"],"parentColumns":["organization_id","id"]}]';
