import { defineModule } from '../module-manifest.ts';
import { waitlistAuditEvents } from './waitlist.audit.ts';
import { appointmentCancelled } from '../scheduling/index.ts';
import { react } from '../shared/events.ts';
import { waitlistAcceptLinkAction } from './accept-offer.ts';
import { queueFreedSlotOffer } from './cancel-hook.ts';
import { WAITLIST_JOB_HANDLERS } from './waitlist-jobs.ts';

/** The waiting list: entries, offers of freed slots that hold the slot, staff fills, the fill-rate report. */
export const waitlistModule = defineModule({
  name: 'waitlist',
  tables: ['waitlist_entries', 'waitlist_offers'],
  jobs: WAITLIST_JOB_HANDLERS,
  reactions: [react(appointmentCancelled, 'waitlist.offer-freed-slot', queueFreedSlotOffer)],
  linkActions: [waitlistAcceptLinkAction],
  merge: { 'waitlist_entries.patient_id': 'move' },
  audit: waitlistAuditEvents,
});
