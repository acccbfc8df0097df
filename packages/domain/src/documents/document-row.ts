import type { Selectable } from 'kysely';
import type { DocumentInfo } from './documents.schemas.ts';
import type { DocumentsTable } from './documents.tables.ts';

export function toDocument(r: Selectable<DocumentsTable>): DocumentInfo {
  return {
    id: r.id,
    patientId: r.patient_id,
    coverageId: r.coverage_id,
    category: r.category,
    fileName: r.file_name,
    description: r.description,
    contentType: r.content_type,
    sizeBytes: r.size_bytes,
    sha256: r.sha256,
    uploadedBy: r.uploaded_by,
    createdAt: new Date(r.created_at).toISOString(),
  };
}
