import { defineModule } from '../module-manifest.ts';
import { react } from '../shared/events.ts';
import { taskCompleted } from '../tasks/index.ts';
import { followUpFromTask } from './follow-up-from-task.ts';
import { callsAuditEvents } from './calls.audit.ts';
import { seedCallsDemo } from './seed-calls-demo.ts';

/** The call log: calls taken and made, the caller matched by phone, outcomes, follow-ups ("who called while I was out"). */
export const callsModule = defineModule({
  name: 'calls',
  tables: ['calls'],
  reactions: [react(taskCompleted, 'calls.follow-up-done', followUpFromTask)],
  demo: seedCallsDemo,
  merge: { 'calls.patient_id': 'move' },
  audit: callsAuditEvents,
});
