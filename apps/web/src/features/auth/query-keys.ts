/** Query keys of the signed-in session: who the user is (per selected location) and when the session ends. */
export const authKeys = {
  all: ['auth'] as const,
  me: () => [...authKeys.all, 'me'] as const,
  meAt: (locationId: string | null) => [...authKeys.me(), locationId] as const,
  sessionStatus: () => [...authKeys.all, 'session-status'] as const,
};
