-- Rules the review of fee schedules, charges and claims asked the database to hold.
--
-- 1. A charge's amount is its unit price times its units. A price a biller typed (`manual`) is an
--    amount for the whole line and has no unit price (null); every other source prices one unit.
--    Manual charges written before this kept a rounded-down unit price: it is cleared (the lock
--    on approved and void charges is lifted for this one bookkeeping change only).
alter table charges alter column unit_price_cents drop not null;
alter table charges disable trigger charges_final_lock;
update charges set unit_price_cents = null where price_source = 'manual';
alter table charges enable trigger charges_final_lock;
alter table charges add constraint charges_amount_is_unit_price_times_units check (
  (unit_price_cents is null) = (price_source = 'manual')
  and (unit_price_cents is null or amount_cents = unit_price_cents * units)
);

-- 2. Status and price source agree: nothing priced it (`none`, amount 0) exactly when the charge
--    needs a price (or was voided while it did); a charge in review or approved has a price. The
--    older check already says needs_price ⇒ none and 0.
alter table charges add constraint charges_unpriced_needs_price check (
  price_source <> 'none' or (amount_cents = 0 and status in ('needs_price', 'void'))
);

-- 3. Payers record their claim filing indicator (837P SBR09, X12 code list 1032): what a claim
--    to them says the insurance is. Commercial (`CI`) for the payers already on file.
alter table payers add column claim_filing_indicator text not null default 'CI' check (claim_filing_indicator in (
  '11', '12', '13', '14', '15', '16', '17', 'AM', 'BL', 'CH', 'CI', 'DS', 'FI', 'HM', 'LM', 'MA', 'MB', 'MC',
  'OF', 'TV', 'VA', 'WC', 'ZZ'
));

-- 4. A batch holds up to 10,000 claims: one interchange the clearinghouse receives as one file,
--    split into transaction sets (ST/SE) of at most 5,000 claims each as the 837P guide advises.
alter table claim_batches drop constraint claim_batches_claim_count_check;
alter table claim_batches add constraint claim_batches_claim_count_check check (claim_count between 1 and 10000);
