-- Row-level security: the second wall of tenancy (packages/db/src/tenant.ts).
-- Every table holding patient, clinical or financial data shows and accepts a row only when the
-- connection's clinicdesk.organization_id names the row's organization, or is '*' (work that
-- spans practices). Unset, nothing is visible: a forgotten filter returns no other practice's rows.
-- The app role is not the tables' owner, so the policies apply to it; migrations, backups and
-- the owner-owned views below are exempt (owners bypass row-level security).

create or replace function clinicdesk_tenant_visible(org uuid) returns boolean
  language sql stable parallel safe as $$
  select case coalesce(current_setting('clinicdesk.organization_id', true), '')
           when '*' then true
           when '' then false
           else org = current_setting('clinicdesk.organization_id', true)::uuid
         end
$$;

do $$
declare
  t text;
begin
  foreach t in array array[
    'patients', 'patient_care_team', 'patient_name_words', 'coverages', 'documents',
    'appointments', 'appointment_series', 'appointment_events', 'messages', 'signed_links',
    'waitlist_entries', 'waitlist_offers', 'break_glass_grants', 'break_glass_reviews'
  ] loop
    execute format('alter table %I enable row level security', t);
    execute format(
      'create policy tenant_isolation on %I using (clinicdesk_tenant_visible(organization_id)) with check (clinicdesk_tenant_visible(organization_id))',
      t);
  end loop;
end $$;

-- Events before an organization is known (a failed sign-in of an unknown address) have none.
alter table audit_events enable row level security;
create policy tenant_isolation on audit_events
  using (organization_id is null or clinicdesk_tenant_visible(organization_id))
  with check (organization_id is null or clinicdesk_tenant_visible(organization_id));

-- Name search matches with array and trigram operators, which PostgreSQL does not mark
-- leakproof: under a policy it may not use their indexes before the policy's check, and a
-- search would read every row of the practice. These views (owned by the migrating role, so
-- exempt from the policies) apply the same tenant check as an ordinary condition, which the
-- planner combines with the GIN and trigram indexes. Only the patients module reads them.
create view patients_scoped as
  select * from patients where clinicdesk_tenant_visible(organization_id);
create view patient_name_words_scoped as
  select * from patient_name_words where clinicdesk_tenant_visible(organization_id);
comment on view patients_scoped is 'patients, tenant-checked without row-level security: for name and phone search (array operators keep their indexes)';
comment on view patient_name_words_scoped is 'patient_name_words, tenant-checked without row-level security: for typo candidates (trigram operators keep their indexes)';
