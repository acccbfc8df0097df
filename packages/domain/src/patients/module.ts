import { defineModule } from '../module-manifest.ts';
import { react } from '../shared/events.ts';
import { mergeCareTeam, patientMerging } from './merge-hooks.ts';

/** The patient registry: demographics, contacts, guarantor, care team, search vocabulary, duplicates and merges. */
export const patientsModule = defineModule({
  name: 'patients',
  tables: ['patients', 'patient_care_team', 'patient_name_words'],
  reactions: [react(patientMerging, 'careTeam', mergeCareTeam)],
  merge: {
    // A merged patient's care team joins the survivor's (one row per member).
    'patient_care_team.patient_id': 'reaction',
    // Whoever had the merged patient as guarantor now has the survivor.
    'patients.guarantor_patient_id': 'move',
    // Records merged into the merged one earlier now point at the survivor.
    'patients.merged_into_id': 'move',
  },
});
