import { defineModule } from '../module-manifest.ts';
import { insuranceAuditEvents } from './insurance.audit.ts';
import { patientMerging } from '../patients/index.ts';
import { react } from '../shared/events.ts';
import { mergeCoverages } from './merge-coverages.ts';
import { seedDemoInsurance } from './seed-payers.ts';

/** Payers and patients' coverages. */
export const insuranceModule = defineModule({
  name: 'insurance',
  tables: ['payers', 'coverages'],
  reactions: [react(patientMerging, 'coverages', mergeCoverages)],
  demo: seedDemoInsurance,
  // Overlapping coverages of one priority cannot both stay active: the reaction settles them.
  merge: { 'coverages.patient_id': 'reaction' },
  audit: insuranceAuditEvents,
});
