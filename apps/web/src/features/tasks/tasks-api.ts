/** Types of the task API, from the generated schema, and the words the screens show. */
import type { paths } from '../../api/schema';

type Json<T> = T extends { content: { 'application/json': infer B } } ? B : never;

export type Task = Json<paths['/api/tasks']['get']['responses'][200]>['items'][number];
export type TaskPriority = Task['priority'];

export const PRIORITY_LABELS: Record<TaskPriority, string> = { low: 'Low', normal: 'Normal', high: 'High', urgent: 'Urgent' };
export const PRIORITY_COLORS: Record<TaskPriority, string> = { low: 'gray', normal: 'blue', high: 'orange', urgent: 'red' };
export const SOURCE_LABELS: Record<Task['source'], string> = {
  manual: '',
  call: 'From a call',
  message: 'From a message',
  letter: 'From a letter',
};
