/** Types of the task API, from the generated schema, and the words the screens show. */
import type { paths } from '../../api/schema';

type Json<T> = T extends { content: { 'application/json': infer B } } ? B : never;

export type Task = Json<paths['/api/tasks']['get']['responses'][200]>['items'][number];
export type TaskPriority = Task['priority'];
export type TaskStatus = Task['status'];
export type TaskKind = Task['kind'];
export type Project = Json<paths['/api/projects']['get']['responses'][200]>['items'][number];

export const PRIORITY_LABELS: Record<TaskPriority, string> = { low: 'Low', normal: 'Normal', high: 'High', urgent: 'Urgent' };
export const PRIORITY_COLORS: Record<TaskPriority, string> = { low: 'gray', normal: 'blue', high: 'orange', urgent: 'red' };
export const STATUS_LABELS: Record<TaskStatus, string> = { open: 'To do', in_progress: 'In progress', done: 'Done' };
export const KIND_LABELS: Record<TaskKind, string> = {
  general: 'General',
  callback: 'Call back',
  refill_request: 'Refill request',
  results: 'Results',
  paperwork: 'Paperwork',
  billing: 'Billing',
  referral: 'Referral',
  equipment: 'Equipment',
};
export const SOURCE_LABELS: Record<Task['source'], string> = {
  manual: '',
  call: 'From a call',
  message: 'From a message',
  letter: 'From a letter',
};
