-- Audit reports: indexes for the break-glass report and the organization-wide listing by seq.
-- (audit_events and audit_seals themselves come from 0002; the hash chain is computed by
-- packages/domain/src/audit/seal-audit.ts.)

-- Flagged accesses under break-glass, per organization.
create index audit_events_break_glass on audit_events (organization_id, user_id, patient_id, seq) where break_glass;

-- Keyset pages of an organization's trail in seq order (the default sort is by time, which
-- audit_events_org_time serves).
create index audit_events_org_seq on audit_events (organization_id, seq);

-- The break-glass report lists an organization's grants newest first.
create index break_glass_grants_org on break_glass_grants (organization_id, created_at desc, id);
