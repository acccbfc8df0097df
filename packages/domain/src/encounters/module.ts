import { defineModule } from '../module-manifest.ts';
import { encountersAuditEvents } from './encounters.audit.ts';
import { seedEncountersDemo } from './seed-encounters-demo.ts';

/** Encounters: the SOAP note, vitals, coding, signature and co-signature, addenda, superbills; note templates and quick texts. */
export const encountersModule = defineModule({
  name: 'encounters',
  tables: ['encounters', 'encounter_diagnoses', 'encounter_procedures', 'encounter_addenda', 'note_templates', 'quick_texts'],
  demo: seedEncountersDemo,
  // Signed or not, encounters follow the patient; the signed-lock trigger (migration 0136)
  // lets a merge re-point patient_id and nothing else, so signed content stays byte-identical.
  merge: { 'encounters.patient_id': 'move' },
  audit: encountersAuditEvents,
});
