import { encounterSigned } from '../encounters/index.ts';
import { defineModule } from '../module-manifest.ts';
import { react } from '../shared/events.ts';
import { followUpFromSignedEncounter } from './follow-up-from-signed-encounter.ts';
import { followupsAuditEvents } from './followups.audit.ts';
import { seedFollowupsDemo } from './seed-followups-demo.ts';

/** Follow-ups a signed plan asks for (the worklist, booking in three clicks) and recalls with their contact log. */
export const followupsModule = defineModule({
  name: 'followups',
  tables: ['follow_ups', 'recalls', 'recall_contacts'],
  reactions: [react(encounterSigned, 'followups.from-signed-encounter', followUpFromSignedEncounter)],
  demo: seedFollowupsDemo,
  merge: { 'follow_ups.patient_id': 'move', 'recalls.patient_id': 'move' },
  audit: followupsAuditEvents,
});
