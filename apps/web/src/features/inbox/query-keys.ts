/** Query keys of the staff inbox: the lists by box, one thread, the unread count, colleagues. */
export const inboxKeys = {
  all: ['inbox'] as const,
  /** Every thread list and the unread count: any change to a thread changes them. */
  lists: () => [...inboxKeys.all, 'lists'] as const,
  list: (filter: Record<string, unknown>) => [...inboxKeys.lists(), filter] as const,
  unread: () => [...inboxKeys.lists(), 'unread'] as const,
  thread: (id: string) => [...inboxKeys.all, 'thread', id] as const,
  colleagues: () => [...inboxKeys.all, 'colleagues'] as const,
  refillMedications: (patientId: string) => [...inboxKeys.all, 'refill-medications', patientId] as const,
};
