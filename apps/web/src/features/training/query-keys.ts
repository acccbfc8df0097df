/** Query keys of the training screens: items, assignment lists, the overdue report. */
export const trainingKeys = {
  all: ['training'] as const,
  items: () => [...trainingKeys.all, 'items'] as const,
  /** Assignment lists and the overdue report: assigning or completing changes them all. */
  assignments: () => [...trainingKeys.all, 'assignments'] as const,
  assignmentList: (filter: Record<string, unknown>) => [...trainingKeys.assignments(), filter] as const,
  overdue: () => [...trainingKeys.assignments(), 'overdue'] as const,
};
