-- Hiring (hiring module): open positions, applicants and the stage each has reached (every move
-- kept as history), and the onboarding a hire opens: the account made through identity, the
-- checklist of the practice's own items (I-9 verified, badge issued, ...). The constraints keep
-- the states honest: a rejected or withdrawn applicant has a reason, a hired one a time; one
-- onboarding per applicant and at most one account per onboarding.

create table hiring_positions (
  id uuid primary key default gen_random_uuid(),
  organization_id uuid not null references organizations (id),
  location_id uuid not null,
  title text not null check (btrim(title) <> '' and length(title) <= 200),
  -- The account role the hire will hold, granted at this location only.
  role text not null check (role in ('admin', 'office_manager', 'front_desk', 'biller', 'clinician', 'nurse')),
  employment_type text not null check (employment_type in ('full_time', 'part_time', 'per_diem', 'contract')),
  openings integer not null default 1 check (openings between 1 and 50),
  status text not null default 'open' check (status in ('open', 'on_hold', 'filled', 'closed')),
  opened_on date not null,
  description text not null default '' check (length(description) <= 4000),
  hiring_manager_id uuid not null,
  -- When the hires reached the openings (status filled), else null.
  filled_at timestamptz,
  version integer not null default 1 check (version >= 1),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (organization_id, id),
  check ((status = 'filled') = (filled_at is not null)),
  foreign key (organization_id, location_id) references locations (organization_id, id),
  foreign key (organization_id, hiring_manager_id) references users (organization_id, id)
);
create index hiring_positions_location on hiring_positions (organization_id, location_id, status, opened_on desc);

create table hiring_applicants (
  id uuid primary key default gen_random_uuid(),
  organization_id uuid not null references organizations (id),
  position_id uuid not null,
  name text not null check (btrim(name) <> '' and length(name) <= 200),
  email text not null check (email ~ '^[^@\s]+@[^@\s]+$' and length(email) <= 254),
  phone text check (phone ~ '^\+[1-9][0-9]{6,14}$'),
  source text not null check (source in ('referral', 'job_board', 'website', 'walk_in', 'agency', 'other')),
  stage text not null default 'applied' check (stage in ('applied', 'screening', 'interview', 'offer', 'hired', 'rejected', 'withdrawn')),
  -- Why the applicant was rejected or withdrew; exactly then.
  closed_reason text check (length(closed_reason) <= 1000),
  interview_at timestamptz,
  notes text not null default '' check (length(notes) <= 4000),
  hired_at timestamptz,
  version integer not null default 1 check (version >= 1),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (organization_id, id),
  check ((stage in ('rejected', 'withdrawn')) = (closed_reason is not null and btrim(closed_reason) <> '')),
  check ((stage = 'hired') = (hired_at is not null)),
  foreign key (organization_id, position_id) references hiring_positions (organization_id, id)
);
create index hiring_applicants_position on hiring_applicants (position_id, stage);
create index hiring_applicants_list on hiring_applicants (organization_id, created_at desc, id);

create table hiring_stage_moves (
  id uuid primary key default gen_random_uuid(),
  -- The order moves were made in (two may share a clock reading).
  seq bigint generated always as identity,
  organization_id uuid not null references organizations (id),
  applicant_id uuid not null,
  -- Null for the application itself.
  from_stage text check (from_stage in ('applied', 'screening', 'interview', 'offer', 'hired', 'rejected', 'withdrawn')),
  to_stage text not null check (to_stage in ('applied', 'screening', 'interview', 'offer', 'hired', 'rejected', 'withdrawn')),
  note text check (length(note) <= 2000),
  reason text check (length(reason) <= 1000),
  interview_at timestamptz,
  moved_by uuid,
  moved_at timestamptz not null,
  foreign key (organization_id, applicant_id) references hiring_applicants (organization_id, id),
  foreign key (organization_id, moved_by) references users (organization_id, id)
);
comment on table hiring_stage_moves is 'append-only: each stage an applicant was moved to, by whom, when and why';
create index hiring_stage_moves_applicant on hiring_stage_moves (applicant_id, seq);

create table hiring_onboardings (
  id uuid primary key default gen_random_uuid(),
  organization_id uuid not null references organizations (id),
  applicant_id uuid not null,
  position_id uuid not null,
  -- The account made from this onboarding (identity's), with who made it and when.
  user_id uuid,
  account_created_at timestamptz,
  account_created_by uuid,
  -- The staff profile filled with the account (hire date, title, location, supervisor).
  profile_filled_at timestamptz,
  version integer not null default 1 check (version >= 1),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (organization_id, id),
  unique (applicant_id),
  unique (user_id),
  check ((user_id is null) = (account_created_at is null)),
  foreign key (organization_id, applicant_id) references hiring_applicants (organization_id, id),
  foreign key (organization_id, position_id) references hiring_positions (organization_id, id),
  foreign key (organization_id, user_id) references users (organization_id, id),
  foreign key (organization_id, account_created_by) references users (organization_id, id)
);
create index hiring_onboardings_list on hiring_onboardings (organization_id, created_at desc, id);

create table hiring_onboarding_items (
  id uuid primary key default gen_random_uuid(),
  organization_id uuid not null references organizations (id),
  onboarding_id uuid not null,
  label text not null check (btrim(label) <> '' and length(label) <= 200),
  position integer not null check (position >= 0),
  done_at timestamptz,
  done_by uuid,
  created_at timestamptz not null default now(),
  unique (onboarding_id, label),
  -- Ticked exactly when someone and a time are recorded.
  check ((done_at is null) = (done_by is null)),
  foreign key (organization_id, onboarding_id) references hiring_onboardings (organization_id, id),
  foreign key (organization_id, done_by) references users (organization_id, id)
);
create index hiring_onboarding_items_onboarding on hiring_onboarding_items (onboarding_id, position);

do $$
declare
  t text;
begin
  foreach t in array array['hiring_positions', 'hiring_applicants', 'hiring_stage_moves', 'hiring_onboardings', 'hiring_onboarding_items'] loop
    execute format('alter table %I enable row level security', t);
    execute format(
      'create policy tenant_isolation on %I using (clinicdesk_tenant_visible(organization_id)) with check (clinicdesk_tenant_visible(organization_id))',
      t);
  end loop;
end $$;
