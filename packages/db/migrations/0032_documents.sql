-- Scanned paperwork: metadata here, bytes in the document storage (local disk by default).
create table documents (
  id uuid primary key default gen_random_uuid(),
  organization_id uuid not null references organizations (id),
  patient_id uuid not null references patients (id),
  coverage_id uuid references coverages (id),
  category text not null check (category in ('id', 'insurance_card', 'consent', 'referral', 'outside_records', 'other')),
  file_name text not null check (length(file_name) between 1 and 200),
  description text,
  -- Detected from the content, never taken from the client.
  content_type text not null check (content_type in ('application/pdf', 'image/jpeg', 'image/png', 'image/tiff')),
  size_bytes integer not null check (size_bytes > 0),
  -- Hex SHA-256 of the bytes at upload; every read re-checks it.
  sha256 text not null check (sha256 ~ '^[0-9a-f]{64}$'),
  storage_key text not null unique,
  uploaded_by uuid references users (id),
  created_at timestamptz not null default now()
);
create index documents_patient on documents (patient_id, created_at desc);
create index documents_coverage on documents (coverage_id) where coverage_id is not null;
