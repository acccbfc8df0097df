/** Query keys of the payables screens and the due-bills tile (a change invalidates `all()`). */
export const payablesKeys = {
  all: () => ['payables'] as const,
  vendors: (includeInactive: boolean) => [...payablesKeys.all(), 'vendors', { includeInactive }] as const,
  bills: (filter: string, vendorId: string | null) => [...payablesKeys.all(), 'bills', { filter, vendorId }] as const,
  dueSoon: () => [...payablesKeys.all(), 'bills', 'due-soon'] as const,
  aging: () => [...payablesKeys.all(), 'aging'] as const,
};
