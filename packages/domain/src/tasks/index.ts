/** Tasks: the office's to-do list. Other modules make tasks through `createTask` (a call's follow-up, later messages and letters). */

export * from './tasks.schemas.ts';
export type { TasksTables } from './tasks.tables.ts';
export { PROJECT_STATUSES, TASK_KINDS, TASK_PRIORITIES, TASK_SOURCES, TASK_STATUSES } from './tasks.tables.ts';
export { createTask } from './create-task.ts';
export { updateTask } from './update-task.ts';
export { listTasks } from './list-tasks.ts';
export { getTask } from './get-task.ts';
export { listAssignees } from './list-assignees.ts';
export { type CompletedTask, taskCompleted } from './task-events.ts';
export { createProject } from './create-project.ts';
export { updateProject } from './update-project.ts';
export { getProject } from './get-project.ts';
export { listProjects } from './list-projects.ts';
export { listTaskSlas, setTaskSla } from './task-slas.ts';
export { taskCounts } from './task-counts.ts';
export { completeLinkedTask } from './complete-linked-task.ts';
