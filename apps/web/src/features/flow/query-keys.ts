/** Query keys of the flow board (today's visits at a location). */
export const flowKeys = {
  all: ['flow'] as const,
  boards: () => [...flowKeys.all, 'board'] as const,
  board: (locationId: string | null) => [...flowKeys.boards(), locationId] as const,
};
