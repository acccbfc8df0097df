-- Break-glass review and renewals (docs/AUDIT.md, "Break-glass").
--
-- A manager's review of a grant: one per grant, never changed afterwards (append-only: the
-- app role may only insert and read it). A second grant for the same record by the same user
-- within 24 hours of the previous one needs that one reviewed, or a renewal reason
-- (compliance/open-break-glass.ts); the break-glass report flags such chains.
create table break_glass_reviews (
  grant_id uuid primary key references break_glass_grants (id),
  organization_id uuid not null references organizations (id),
  reviewed_by uuid not null references users (id),
  reviewed_at timestamptz not null default now(),
  note text check (note is null or length(note) <= 1000)
);
comment on table break_glass_reviews is 'append-only: a manager''s review of a break-glass grant';

-- The grant just before another one of the same user for the same record (the renewal rule,
-- and the chain walk of the report).
create index break_glass_grants_chain on break_glass_grants (user_id, patient_id, created_at desc, id desc);
