import { defineModule } from '../module-manifest.ts';
import { callsAuditEvents } from './calls.audit.ts';
import { seedCallsDemo } from './seed-calls-demo.ts';

/** The call log: calls taken and made, the caller matched by phone, outcomes, follow-ups ("who called while I was out"). */
export const callsModule = defineModule({
  name: 'calls',
  tables: ['calls'],
  demo: seedCallsDemo,
  merge: { 'calls.patient_id': 'move' },
  audit: callsAuditEvents,
});
