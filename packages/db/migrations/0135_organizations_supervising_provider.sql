-- A provider whose notes need a co-signature names their supervising provider (a nurse
-- practitioner or physician assistant practising under a physician). The encounters module
-- reads it when a note is signed: a supervised provider's signed note waits for the
-- supervisor's co-signature. Providers become editable (version for If-Match).

alter table providers
  add column supervising_provider_id uuid,
  add column version integer not null default 1,
  add column updated_at timestamptz not null default now(),
  add constraint providers_supervisor_same_org
    foreign key (organization_id, supervising_provider_id) references providers (organization_id, id),
  add constraint providers_supervisor_not_self check (supervising_provider_id is distinct from id);
