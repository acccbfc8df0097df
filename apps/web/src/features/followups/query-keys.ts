/** Query keys of follow-ups and recalls: the worklists by filter, a recall's contact log. */
export const followupKeys = {
  all: ['followups'] as const,
  /** Every follow-up list (the worklist, the home tile): booking or closing one changes them all. */
  followUpLists: () => [...followupKeys.all, 'follow-ups'] as const,
  followUpList: (filter: Record<string, unknown>) => [...followupKeys.followUpLists(), filter] as const,
  recallLists: () => [...followupKeys.all, 'recalls'] as const,
  recallList: (filter: Record<string, unknown>) => [...followupKeys.recallLists(), filter] as const,
  recallContacts: (recallId: string) => [...followupKeys.recallLists(), 'contacts', recallId] as const,
};
