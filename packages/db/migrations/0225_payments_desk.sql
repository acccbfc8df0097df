-- Payments at the desk (accounts module): a card payment charged through the practice's card
-- gateway keeps the processor's card brand and says so (`card_source`: 'gateway' when ClinicDesk
-- charged the token, 'terminal' when the desk keyed in what a standalone terminal printed).
-- Receipts by email go through the patient message log (comms): a message may carry a payment.

alter table payments
  add column card_brand text check (length(card_brand) between 1 and 40),
  add column card_source text check (card_source in ('terminal', 'gateway')),
  add constraint payments_card_source check (card_source is null or method = 'card'),
  add constraint payments_card_brand check (card_brand is null or method = 'card');

-- A message may carry a payment's receipt. The kind's check is rebuilt from the kinds already
-- allowed, so kinds other migrations add to it are kept.
alter table messages add column payment_id uuid;
do $$
declare
  kinds text[];
  con text;
begin
  select c.conname,
         array(select distinct m[1] from regexp_matches(pg_get_constraintdef(c.oid), '''([a-z0-9_]+)''', 'g') as m)
    into con, kinds
    from pg_constraint c
   where c.conrelid = 'messages'::regclass and c.contype = 'c' and pg_get_constraintdef(c.oid) like '%kind%'
     and pg_get_constraintdef(c.oid) like '%reminder%';
  execute format('alter table messages drop constraint %I', con);
  kinds := array(select distinct k from unnest(kinds || array['payment_receipt']) as k order by k);
  execute format('alter table messages add constraint messages_kind_check check (kind = any (%L::text[]))', kinds);
end $$;
alter table messages add constraint messages_payment_receipt check ((kind = 'payment_receipt') = (payment_id is not null));
create index messages_payment on messages (payment_id) where payment_id is not null;
