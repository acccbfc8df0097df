import type { ColumnType, Generated } from 'kysely';

export type DocumentCategory = 'id' | 'insurance_card' | 'consent' | 'referral' | 'outside_records' | 'other';
export type DocumentContentType = 'application/pdf' | 'image/jpeg' | 'image/png' | 'image/tiff';

export interface DocumentsTable {
  id: Generated<string>;
  organization_id: string;
  patient_id: string;
  coverage_id: string | null;
  category: DocumentCategory;
  file_name: string;
  description: string | null;
  content_type: DocumentContentType;
  size_bytes: number;
  sha256: string;
  storage_key: string;
  uploaded_by: string | null;
  created_at: ColumnType<Date, Date | string | undefined, never>;
}

export interface DocumentsTables {
  documents: DocumentsTable;
}
