-- Text messages (comms): the practice's SMS provider account (a Twilio-compatible REST API),
-- the hours texts may go out on each location's wall clock, the text of outgoing texts, and the
-- texts patients send back (replies to reminders, opt-outs, anything else for the desk).

-- The account: SID and auth token (write-only through the API), the practice's number (E.164),
-- and the API base (https://api.twilio.com when unset). The number finds the practice when a
-- text comes in, so two practices never share one.
alter table comms_settings
  add column sms_account_sid text check (sms_account_sid ~ '^[A-Za-z0-9]{2,64}$'),
  add column sms_auth_token text check (length(sms_auth_token) between 8 and 200),
  add column sms_from_number text check (sms_from_number ~ '^\+[1-9][0-9]{6,14}$'),
  add column sms_api_base_url text check (sms_api_base_url ~ '^https?://[^\s]+$' and length(sms_api_base_url) <= 500),
  -- Texts wait outside these local hours of the location they are about (quiet hours).
  add column sms_send_from time not null default '08:00',
  add column sms_send_until time not null default '20:00',
  add constraint comms_settings_sms_window check (sms_send_from < sms_send_until);
create unique index comms_settings_sms_number on comms_settings (sms_from_number) where sms_from_number is not null;

-- What a text said (an email's text is rebuilt from its subject; a text is kept as sent), who at
-- the desk wrote it, and 'delivered' when the provider's status callback says the phone got it.
alter table messages
  add column body text check (length(body) between 1 and 1600),
  add column sent_by uuid references users (id),
  -- IANA zone whose quiet hours hold the text (the location of the visit, or of the desk).
  add column zone text;

-- The kind and status checks are rebuilt from the values already allowed, so values other
-- migrations add are kept. A check PostgreSQL wrote back as `= ANY ('{a,b}'::text[])` (one
-- rebuilt before) lists its values inside one literal; one written `IN ('a', 'b')` quotes each.
do $$
declare
  col text;
  added text;
  def text;
  con text;
  vals text[];
begin
  foreach col in array array['kind', 'status'] loop
    added := case col when 'kind' then 'text' else 'delivered' end;
    con := 'messages_' || col || '_check';
    select pg_get_constraintdef(c.oid) into def
      from pg_constraint c
     where c.conrelid = 'messages'::regclass and c.contype = 'c' and c.conname = con;
    if def ~ '\{' then
      vals := string_to_array(substring(def from '\{([^}]*)\}'), ',');
    else
      vals := array(select m[1] from regexp_matches(def, '''([a-z0-9_]+)''', 'g') as m);
    end if;
    if coalesce(array_length(vals, 1), 0) < 3 then
      raise exception 'could not read the values of %: %', con, def;
    end if;
    execute format('alter table messages drop constraint %I', con);
    vals := array(select distinct k from unnest(vals || array[added]) as k order by k);
    execute format('alter table messages add constraint %I check (%I = any (%L::text[]))', con, col, vals);
  end loop;
end $$;
-- A text written at the desk carries its words and its writer.
alter table messages add constraint messages_text_body check (kind <> 'text' or (body is not null and channel = 'sms'));
-- The status callback finds a text by the provider's id.
create index messages_provider_id on messages (provider_message_id) where provider_message_id is not null and channel = 'sms';

-- Every text a patient (or anyone) sent to the practice's number, once per provider id: a
-- redelivered webhook finds its row and changes nothing. `action` says what ClinicDesk did with
-- it; 'inbox' texts wait for the desk until someone marks them handled.
create table sms_inbound (
  id uuid primary key default gen_random_uuid(),
  organization_id uuid not null references organizations (id),
  message_sid text not null check (length(message_sid) between 1 and 64),
  from_number text not null check (length(from_number) between 1 and 32),
  to_number text not null check (length(to_number) between 1 and 32),
  body text not null default '' check (length(body) <= 1600),
  -- Matched by the sender's number; null when no patient (or several) has it.
  patient_id uuid,
  action text not null check (action in ('confirmed', 'cancelled', 'opted_out', 'opted_in', 'inbox')),
  -- The appointment a C/Y/N reply confirmed or cancelled.
  appointment_id uuid references appointments (id),
  handled_at timestamptz,
  handled_by uuid references users (id),
  received_at timestamptz not null default now(),
  unique (organization_id, message_sid),
  check ((handled_at is null) = (handled_by is null)),
  check (action in ('confirmed', 'cancelled') = (appointment_id is not null)),
  foreign key (organization_id, patient_id) references patients (organization_id, id)
);
create index sms_inbound_patient on sms_inbound (organization_id, patient_id, received_at desc);
create index sms_inbound_open on sms_inbound (organization_id, received_at desc, id desc) where action = 'inbox' and handled_at is null;
alter table sms_inbound enable row level security;
create policy tenant_isolation on sms_inbound
  using (clinicdesk_tenant_visible(organization_id)) with check (clinicdesk_tenant_visible(organization_id));
