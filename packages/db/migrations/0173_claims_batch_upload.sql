-- Clearinghouse SFTP upload of 837P batches (claims/upload-batch-job.ts): whether a batch is
-- waiting for its upload, uploaded (when, under which remote name) or failed (the last error;
-- the job retries until its attempts run out).

alter table claim_batches
  add column upload_state text check (upload_state in ('queued', 'uploaded', 'failed')),
  add column uploaded_at timestamptz,
  add column upload_remote_name text check (length(upload_remote_name) between 1 and 500),
  add column upload_error text check (length(upload_error) between 1 and 500),
  add constraint claim_batches_upload_done check ((upload_state = 'uploaded') = (uploaded_at is not null and upload_remote_name is not null)),
  add constraint claim_batches_upload_failed check (upload_state <> 'failed' or upload_error is not null);
