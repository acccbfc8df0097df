/** Query keys of the credentials screens. */
export const credentialKeys = {
  all: ['credentials'] as const,
  lists: () => [...credentialKeys.all, 'lists'] as const,
  list: (filter: Record<string, unknown>) => [...credentialKeys.lists(), filter] as const,
};
