-- Letters: templates with merge fields, each letter as it was merged (what was sent to whom,
-- when and by whom: the mail log), and batches that print many at once.

create table letter_templates (
  id uuid primary key default gen_random_uuid(),
  organization_id uuid not null references organizations (id),
  name text not null check (length(name) between 1 and 120),
  -- What the letter is for: single letters from the chart, batch letters to many patients.
  kind text not null default 'single' check (kind in ('single', 'batch')),
  -- Plain text with {{field}} merge fields; the fields were checked when it was saved.
  body text not null check (length(body) between 1 and 20000),
  active boolean not null default true,
  created_by uuid references users (id),
  version integer not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (organization_id, id)
);
create unique index letter_templates_name on letter_templates (organization_id, lower(name)) where active;

create table letter_batches (
  id uuid primary key default gen_random_uuid(),
  organization_id uuid not null references organizations (id),
  template_id uuid not null,
  -- Who was chosen: a list of patients, or a named audience as of the day it ran.
  audience text not null check (audience in ('patients', 'overdue_recalls', 'balances_over')),
  min_balance_cents bigint check (min_balance_cents is null or min_balance_cents >= 0),
  letter_count integer not null check (letter_count between 0 and 500),
  location_id uuid not null,
  created_by uuid references users (id),
  created_at timestamptz not null default now(),
  check ((audience = 'balances_over') = (min_balance_cents is not null)),
  unique (organization_id, id),
  foreign key (organization_id, template_id) references letter_templates (organization_id, id),
  foreign key (organization_id, location_id) references locations (organization_id, id)
);
comment on table letter_batches is 'append-only: each batch of letters as it was printed';

create table letters (
  id uuid primary key default gen_random_uuid(),
  organization_id uuid not null references organizations (id),
  template_id uuid not null,
  batch_id uuid,
  patient_id uuid not null,
  -- Whose letterhead it carries.
  location_id uuid not null,
  -- The provider who signs it (a signature line), when one was named.
  provider_id uuid,
  appointment_id uuid,
  recall_id uuid,
  -- The template's name and the merged text as sent: a reprint is the same letter.
  title text not null check (length(title) between 1 and 120),
  body text not null check (length(body) between 1 and 40000),
  -- Whom it was addressed to (the patient, or the guarantor for a balance letter) and where.
  recipient text not null check (length(recipient) between 1 and 300),
  recipient_address text not null default '' check (length(recipient_address) <= 1000),
  created_by uuid references users (id),
  created_at timestamptz not null default now(),
  unique (organization_id, id),
  foreign key (organization_id, template_id) references letter_templates (organization_id, id),
  foreign key (organization_id, batch_id) references letter_batches (organization_id, id),
  foreign key (organization_id, patient_id) references patients (organization_id, id),
  foreign key (organization_id, location_id) references locations (organization_id, id),
  foreign key (organization_id, provider_id) references providers (organization_id, id)
);
comment on table letters is 'append-only: each letter as it was merged and sent (the mail log)';
-- The mail log, newest first; a patient's letters; a batch's letters.
create index letters_log on letters (organization_id, created_at desc, id desc);
create index letters_patient on letters (patient_id, created_at desc);
create index letters_batch on letters (batch_id) where batch_id is not null;

do $$
declare
  t text;
begin
  foreach t in array array['letter_templates', 'letter_batches', 'letters'] loop
    execute format('alter table %I enable row level security', t);
    execute format(
      'create policy tenant_isolation on %I using (clinicdesk_tenant_visible(organization_id)) with check (clinicdesk_tenant_visible(organization_id))',
      t);
  end loop;
end $$;
