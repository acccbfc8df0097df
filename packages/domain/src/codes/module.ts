import { defineModule } from '../module-manifest.ts';
import { codesAuditEvents } from './codes.audit.ts';
import { seedDemoProcedures } from './seed-procedures-demo.ts';

/**
 * Code sets (ICD-10-CM FY2026, HCPCS Level II: global reference data shipped in
 * packages/db/reference, loaded after migrating) and the practice's procedure list.
 */
export const codesModule = defineModule({
  name: 'codes',
  tables: ['reference_data_sets', 'icd10cm_codes', 'hcpcs_codes', 'reference_words', 'procedures'],
  demo: seedDemoProcedures,
  audit: codesAuditEvents,
});
