/**
 * `task.completed`: emitted inside the completing transaction, so what the task's source does
 * about it (a call's follow-up becomes done) commits with the completion. Reactions are declared
 * in the reacting module's manifest (module.ts).
 */
import { defineEvent } from '../shared/events.ts';
import type { TaskSource } from './tasks.tables.ts';

export interface CompletedTask {
  id: string;
  source: TaskSource;
  sourceId: string | null;
}

export const taskCompleted = defineEvent<CompletedTask>('task.completed');
