import { defineModule } from '../module-manifest.ts';
import { patientsAuditEvents } from './patients.audit.ts';
import { react } from '../shared/events.ts';
import { mergeCareTeam, patientMerging } from './merge-hooks.ts';

/** The patient registry: demographics, contacts, guarantor, care team, search vocabulary, duplicates and merges. */
export const patientsModule = defineModule({
  name: 'patients',
  // The two *_scoped views are tenant-checked views of its own tables for name search (migration 0089): owned, so private.
  tables: ['patients', 'patient_care_team', 'patient_name_words', 'patients_scoped', 'patient_name_words_scoped'],
  // Names and email reachability other modules join on (migration 0091, patients.views.ts); text reachability (0257).
  // The restricted flag, primary provider and listed care team, for access decisions (migration 0097).
  views: [
    'patient_names',
    'patients_reachable_by_email',
    'patients_reachable_by_text',
    'patient_access_facts',
    'patient_care_team_members',
  ],
  reactions: [react(patientMerging, 'careTeam', mergeCareTeam)],
  merge: {
    // A merged patient's care team joins the survivor's (one row per member).
    'patient_care_team.patient_id': 'reaction',
    // Whoever had the merged patient as guarantor now has the survivor.
    'patients.guarantor_patient_id': 'move',
    // Records merged into the merged one earlier now point at the survivor.
    'patients.merged_into_id': 'move',
  },
  audit: patientsAuditEvents,
});
