-- Why an adjustment line was posted, so reports can split adjustments by reason without reading
-- the claims module's remittance tables: the CARC group and code of a remittance adjustment
-- (`CO-45`, `PR-1`, `OA-23`), `PLB-<code>` for a provider-level adjustment, or the kind of a
-- practice's own adjustment (`claim_write_off`, `small_balance_write_off`, `refund`). Lines posted
-- before this migration carry none. A reversal copies the reason of the line it mirrors.
alter table journal_lines add column reason text
  check (reason is null or (length(reason) between 1 and 40 and reason ~ '^[A-Za-z0-9_-]+$'));
