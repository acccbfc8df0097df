/** Query keys of the letters feature: templates, merge fields, the mail log, batches. */
export const letterKeys = {
  all: ['letters'] as const,
  templates: () => [...letterKeys.all, 'templates'] as const,
  fields: () => [...letterKeys.all, 'fields'] as const,
  /** Every mail log list (all, a patient's, a batch's): writing a letter changes them. */
  logs: () => [...letterKeys.all, 'log'] as const,
  log: (filter: Record<string, unknown>) => [...letterKeys.logs(), filter] as const,
  batches: () => [...letterKeys.all, 'batches'] as const,
};
