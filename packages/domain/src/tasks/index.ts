/** Tasks: the office's to-do list. Other modules make tasks through `createTask` (a call's follow-up, later messages and letters). */

export * from './tasks.schemas.ts';
export type { TasksTables } from './tasks.tables.ts';
export { TASK_PRIORITIES, TASK_SOURCES, TASK_STATUSES } from './tasks.tables.ts';
export { createTask } from './create-task.ts';
export { updateTask } from './update-task.ts';
export { listTasks } from './list-tasks.ts';
export { getTask } from './get-task.ts';
export { listAssignees } from './list-assignees.ts';
export { type CompletedTask, taskCompleted } from './task-events.ts';
export { completeLinkedTask } from './complete-linked-task.ts';
