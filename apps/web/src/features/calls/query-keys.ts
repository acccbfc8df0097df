/** Query keys of the call log: the lists by filter, "who called while I was out", a patient's calls, the caller lookup. */
export const callKeys = {
  all: ['calls'] as const,
  /** Every list of calls (the page, a patient's tab, the summary): logging or changing a call changes them all. */
  lists: () => [...callKeys.all, 'lists'] as const,
  list: (filter: Record<string, unknown>) => [...callKeys.lists(), filter] as const,
  waiting: () => [...callKeys.lists(), 'waiting'] as const,
  caller: (phone: string) => [...callKeys.all, 'caller', phone] as const,
};
