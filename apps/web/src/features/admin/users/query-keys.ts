/** Query keys of user administration, and of the practice-wide settings (security here, schedule in the schedule setup). */
export const userKeys = {
  all: ['users'] as const,
  lists: () => [...userKeys.all, 'list'] as const,
  list: (filters: { includeInactive: boolean; q: string }) => [...userKeys.lists(), filters] as const,
  sessions: (userId: string) => [...userKeys.all, 'sessions', userId] as const,
};

export const organizationKeys = {
  all: ['organization'] as const,
  settings: () => [...organizationKeys.all, 'settings'] as const,
};
