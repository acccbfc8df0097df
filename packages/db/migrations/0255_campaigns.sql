-- Recall campaigns (campaigns module): due and overdue recalls reached in stages (email, then a
-- text, then a letter), each stage by the channel the patient agreed to and has the contact for,
-- and what came of it (booked, declined, unreachable). Member rows name patients: PHI.

create table recall_campaigns (
  id uuid primary key default gen_random_uuid(),
  organization_id uuid not null references organizations (id),
  name text not null check (length(btrim(name)) between 1 and 200),
  -- The selection: open recalls of these types due on or before the date, optionally one provider's.
  recall_types text[] not null check (
    cardinality(recall_types) between 1 and 7
    and recall_types <@ array['annual_physical', 'wellness', 'diabetic_eye', 'mammogram', 'colonoscopy', 'lab', 'other']
  ),
  due_on_or_before date not null,
  -- The location whose letterhead the letters carry and whose quiet hours hold the texts.
  location_id uuid,
  provider_id uuid,
  -- The stages, in days after the campaign starts: email, then the text, then the letter.
  email_after_days integer not null default 0 check (email_after_days between 0 and 365),
  sms_after_days integer not null default 7 check (sms_after_days between 0 and 365),
  letter_after_days integer not null default 14 check (letter_after_days between 0 and 365),
  -- The letter template of the letter stage (letters module); none: the letter stage is skipped.
  letter_template_id uuid,
  status text not null default 'draft' check (status in ('draft', 'running', 'paused', 'stopped')),
  started_at timestamptz,
  stopped_at timestamptz,
  enrolled integer not null default 0 check (enrolled >= 0),
  -- More recalls matched than a campaign takes (the enrolment cap): the oldest due were taken.
  capped boolean not null default false,
  created_by uuid references users (id),
  version integer not null default 1 check (version >= 1),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (organization_id, id),
  check (email_after_days <= sms_after_days and sms_after_days <= letter_after_days),
  check ((status = 'draft') = (started_at is null)),
  check ((status = 'stopped') = (stopped_at is not null)),
  foreign key (organization_id, location_id) references locations (organization_id, id),
  foreign key (organization_id, provider_id) references providers (organization_id, id),
  foreign key (organization_id, letter_template_id) references letter_templates (organization_id, id)
);
create index recall_campaigns_recent on recall_campaigns (organization_id, created_at desc, id desc);

create table recall_campaign_members (
  id uuid primary key default gen_random_uuid(),
  organization_id uuid not null,
  campaign_id uuid not null,
  recall_id uuid not null,
  patient_id uuid not null,
  -- The recall as it was when enrolled (the worklist shows what the outreach was about).
  recall_type text not null,
  recall_due_date date not null,
  -- The next stage to run ('done': all three tried), and when it is due.
  stage text not null default 'email' check (stage in ('email', 'sms', 'letter', 'done')),
  next_stage_at timestamptz,
  response text not null default 'none' check (response in ('none', 'booked', 'declined', 'unreachable')),
  response_note text not null default '' check (length(response_note) <= 1000),
  responded_at timestamptz,
  responded_by uuid references users (id),
  -- True while the campaign has not been stopped: a recall is in at most one such campaign.
  open boolean not null default true,
  enrolled_at timestamptz not null,
  version integer not null default 1 check (version >= 1),
  updated_at timestamptz not null default now(),
  unique (organization_id, id),
  unique (campaign_id, recall_id),
  check ((response = 'none') = (responded_at is null)),
  check ((stage = 'done' or response <> 'none') = (next_stage_at is null)),
  foreign key (organization_id, campaign_id) references recall_campaigns (organization_id, id),
  foreign key (organization_id, recall_id) references recalls (organization_id, id),
  foreign key (organization_id, patient_id) references patients (organization_id, id)
);
create unique index recall_campaign_members_one_open on recall_campaign_members (recall_id) where open;
-- The stage runner's queue: members whose next stage is due.
create index recall_campaign_members_due on recall_campaign_members (organization_id, next_stage_at) where next_stage_at is not null;
create index recall_campaign_members_list on recall_campaign_members (campaign_id, enrolled_at, id);
create index recall_campaign_members_patient on recall_campaign_members (patient_id);

-- Each stage a member went through, once: sent (the message or letter), or skipped and why.
create table recall_campaign_sends (
  id uuid primary key default gen_random_uuid(),
  organization_id uuid not null,
  campaign_id uuid not null,
  member_id uuid not null,
  stage text not null check (stage in ('email', 'sms', 'letter')),
  outcome text not null check (outcome in ('sent', 'no_consent', 'no_contact')),
  message_id uuid references messages (id),
  letter_id uuid,
  created_at timestamptz not null,
  -- A stage is run once per member, whichever runner gets there.
  unique (member_id, stage),
  check ((outcome = 'sent') = (message_id is not null or letter_id is not null)),
  check (letter_id is null or stage = 'letter'),
  check (message_id is null or stage in ('email', 'sms')),
  foreign key (organization_id, campaign_id) references recall_campaigns (organization_id, id),
  foreign key (organization_id, member_id) references recall_campaign_members (organization_id, id),
  foreign key (organization_id, letter_id) references letters (organization_id, id)
);
create index recall_campaign_sends_campaign on recall_campaign_sends (campaign_id, stage, outcome);
comment on table recall_campaign_sends is 'append-only: each stage of a recall campaign a member went through, sent or skipped';

do $$
declare
  t text;
begin
  foreach t in array array['recall_campaigns', 'recall_campaign_members', 'recall_campaign_sends'] loop
    execute format('alter table %I enable row level security', t);
    execute format(
      'create policy tenant_isolation on %I using (clinicdesk_tenant_visible(organization_id)) with check (clinicdesk_tenant_visible(organization_id))',
      t);
  end loop;
end $$;
