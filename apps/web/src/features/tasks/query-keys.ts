/** Query keys of tasks: the lists by filter, the staff a task can be for. */
export const taskKeys = {
  all: ['tasks'] as const,
  /** Every task list: making, completing or editing a task changes them all. */
  lists: () => [...taskKeys.all, 'lists'] as const,
  list: (filter: Record<string, unknown>) => [...taskKeys.lists(), filter] as const,
  assignees: () => [...taskKeys.all, 'assignees'] as const,
};
