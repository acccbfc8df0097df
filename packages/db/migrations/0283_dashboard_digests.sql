-- The manager's daily digest: one row per location and local day when it was sent, so any
-- number of job runners send it once (the insert that wins sends; the others find the row).
create table dashboard_digests (
  organization_id uuid not null references organizations (id),
  location_id uuid not null,
  digest_date date not null,
  recipients integer not null default 0 check (recipients >= 0),
  sent_at timestamptz not null default now(),
  primary key (organization_id, location_id, digest_date),
  foreign key (organization_id, location_id) references locations (organization_id, id)
);

alter table dashboard_digests enable row level security;
create policy tenant_isolation on dashboard_digests using (clinicdesk_tenant_visible(organization_id))
  with check (clinicdesk_tenant_visible(organization_id));
