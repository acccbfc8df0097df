import type { ColumnType, Generated } from 'kysely';

type Created = ColumnType<Date, Date | string | undefined, never>;
type Updated = ColumnType<Date, Date | string | undefined, Date | string>;

export const COMPLAINT_CATEGORIES = [
  'clinical_care',
  'staff_conduct',
  'wait_time',
  'billing',
  'communication',
  'privacy',
  'facility',
  'other',
] as const;
export type ComplaintCategory = (typeof COMPLAINT_CATEGORIES)[number];
export const COMPLAINT_SEVERITIES = ['low', 'medium', 'high', 'critical'] as const;
export type ComplaintSeverity = (typeof COMPLAINT_SEVERITIES)[number];
export const COMPLAINT_STATUSES = ['open', 'investigating', 'resolved', 'closed'] as const;
export type ComplaintStatus = (typeof COMPLAINT_STATUSES)[number];
/** Statuses that still need work: these can be overdue. */
export const OPEN_COMPLAINT_STATUSES: readonly ComplaintStatus[] = ['open', 'investigating'];

export interface ComplaintsTable {
  id: Generated<string>;
  organization_id: string;
  location_id: string | null;
  patient_id: string | null;
  complainant: Generated<string>;
  received_on: string;
  description: string;
  category: ComplaintCategory;
  severity: ComplaintSeverity;
  owner_id: string | null;
  due_on: string | null;
  status: Generated<ComplaintStatus>;
  resolution: string | null;
  patient_informed: Generated<boolean>;
  resolved_on: string | null;
  created_by: string | null;
  version: Generated<number>;
  created_at: Created;
  updated_at: Updated;
}

export interface ComplaintsTables {
  complaints: ComplaintsTable;
}
