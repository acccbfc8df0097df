import type { ColumnType, Generated } from 'kysely';

type Created = ColumnType<Date, Date | string | undefined, never>;
type Instant = ColumnType<Date, Date | string, Date | string>;
type OptionalInstant = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;

export const THREAD_KINDS = ['message', 'refill_request'] as const;
export type ThreadKind = (typeof THREAD_KINDS)[number];

export interface StaffThreadsTable {
  id: Generated<string>;
  organization_id: string;
  kind: Generated<ThreadKind>;
  subject: string;
  patient_id: string | null;
  medication_id: string | null;
  medication_name: string | null;
  provider_id: string | null;
  assigned_to: string | null;
  created_by: string | null;
  done_at: OptionalInstant;
  done_by: string | null;
  last_message_at: Instant;
  version: Generated<number>;
  created_at: Created;
}

/** Append-only (migration 0246). */
export interface StaffMessagesTable {
  id: Generated<string>;
  organization_id: string;
  thread_id: string;
  author_id: string | null;
  body: string;
  created_at: Created;
}

export interface StaffThreadReadsTable {
  organization_id: string;
  thread_id: string;
  user_id: string;
  read_at: Instant;
}

export interface InboxTables {
  staff_threads: StaffThreadsTable;
  staff_messages: StaffMessagesTable;
  staff_thread_reads: StaffThreadReadsTable;
}
