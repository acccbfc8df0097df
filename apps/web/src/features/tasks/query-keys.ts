/** Query keys of tasks: the lists by filter, the staff a task can be for, projects, service levels. */
export const taskKeys = {
  all: ['tasks'] as const,
  /** Every task list: making, completing or editing a task changes them all (and projects' progress). */
  lists: () => [...taskKeys.all, 'lists'] as const,
  list: (filter: Record<string, unknown>) => [...taskKeys.lists(), filter] as const,
  assignees: () => [...taskKeys.all, 'assignees'] as const,
  projects: () => [...taskKeys.lists(), 'projects'] as const,
  projectList: (filter: Record<string, unknown>) => [...taskKeys.projects(), filter] as const,
  slas: () => [...taskKeys.all, 'slas'] as const,
};
