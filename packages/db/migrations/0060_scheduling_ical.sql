-- Calendar feeds: each provider may hold one secret-token iCalendar URL
-- (`/ical/<token>.ics`) that a phone or desktop calendar polls without signing in.
-- Only the SHA-256 of the token is kept; the URL is shown once, at creation.
-- Revoking (or creating a new one) ends the old URL: it then answers 404.
create table provider_ical_tokens (
  id uuid primary key default gen_random_uuid(),
  organization_id uuid not null references organizations (id),
  provider_id uuid not null,
  token_hash bytea not null unique,
  created_by uuid references users (id),
  created_at timestamptz not null default now(),
  revoked_at timestamptz,
  foreign key (organization_id, provider_id) references providers (organization_id, id)
);
-- At most one live feed per provider.
create unique index provider_ical_tokens_live on provider_ical_tokens (provider_id) where revoked_at is null;
