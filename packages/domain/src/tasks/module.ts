import { defineModule } from '../module-manifest.ts';
import { seedTasksDemo } from './seed-tasks-demo.ts';
import { tasksAuditEvents } from './tasks.audit.ts';

/** The office's task list (mine, a location's), fed by hand and by other modules (a call's follow-up). */
export const tasksModule = defineModule({
  name: 'tasks',
  tables: ['tasks', 'projects', 'task_slas'],
  demo: seedTasksDemo,
  merge: { 'tasks.patient_id': 'move' },
  audit: tasksAuditEvents,
});
