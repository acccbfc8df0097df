import { defineModule } from '../module-manifest.ts';
import { clinicalAuditEvents } from './clinical.audit.ts';
import { seedClinicalDemo } from './seed-clinical-demo.ts';

/** The chart's clinical lists: problems, allergies (and the "no known allergies" statement), medications, prescriptions. */
export const clinicalModule = defineModule({
  name: 'clinical',
  tables: ['problems', 'allergies', 'allergy_statements', 'medications', 'prescriptions'],
  demo: seedClinicalDemo,
  // A merge moves every list to the surviving record unchanged.
  merge: {
    'problems.patient_id': 'move',
    'allergies.patient_id': 'move',
    'allergy_statements.patient_id': 'move',
    'medications.patient_id': 'move',
    'prescriptions.patient_id': 'move',
  },
  audit: clinicalAuditEvents,
});
