import { defineModule } from '../module-manifest.ts';
import { documentsAuditEvents } from './documents.audit.ts';

/** Scanned paperwork and card images. */
export const documentsModule = defineModule({
  name: 'documents',
  tables: ['documents'],
  merge: { 'documents.patient_id': 'move' },
  audit: documentsAuditEvents,
});
