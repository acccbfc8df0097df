import { defineModule } from '../module-manifest.ts';
import { inboxAuditEvents } from './inbox.audit.ts';
import { seedInboxDemo } from './seed-inbox-demo.ts';

/**
 * The staff inbox: internal threads between staff, with an optional patient (audited with them),
 * assignable, read/unread per user and done; a refill request goes to the prescriber's queue
 * (the prescriber is read through clinical's public functions, so it is listed after clinical).
 */
export const inboxModule = defineModule({
  name: 'inbox',
  tables: ['staff_threads', 'staff_messages', 'staff_thread_reads'],
  demo: seedInboxDemo,
  // A thread about a patient follows the record.
  merge: { 'staff_threads.patient_id': 'move' },
  audit: inboxAuditEvents,
});
