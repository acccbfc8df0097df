/** Query keys of the daily close and deposits, by location. */
export const depositKeys = {
  all: () => ['deposits'] as const,
  preview: (locationId: string, date: string) => ['deposits', locationId, 'preview', date] as const,
  closes: (locationId: string) => ['deposits', locationId, 'closes'] as const,
  undeposited: (locationId: string) => ['deposits', locationId, 'undeposited'] as const,
  deposits: (locationId: string) => ['deposits', locationId, 'deposits'] as const,
};
