import { defineModule } from '../module-manifest.ts';
import { complaintsAuditEvents } from './complaints.audit.ts';
import { seedComplaintsDemo } from './seed-complaints-demo.ts';

/** Complaints and concerns about services and care: logged by anyone at the desk, worked and reported on by managers. */
export const complaintsModule = defineModule({
  name: 'complaints',
  tables: ['complaints'],
  demo: seedComplaintsDemo,
  merge: { 'complaints.patient_id': 'move' },
  audit: complaintsAuditEvents,
});
