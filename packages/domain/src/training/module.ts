import { userCreated } from '../identity/index.ts';
import { defineModule } from '../module-manifest.ts';
import { react } from '../shared/events.ts';
import { assignOnboardingSet } from './assign-training.ts';
import { seedTrainingDemo } from './seed-training-demo.ts';
import { trainingAuditEvents } from './training.audit.ts';

/** Training and policies: items, assignments with due dates, completion with evidence, acknowledgements, the overdue report, the onboarding set. */
export const trainingModule = defineModule({
  name: 'training',
  tables: ['training_items', 'training_assignments'],
  reactions: [react(userCreated, 'training.assign-onboarding-set', assignOnboardingSet)],
  demo: seedTrainingDemo,
  audit: trainingAuditEvents,
});
