/** Query keys of the hiring screens: positions, applicants, onboardings. */
export const hiringKeys = {
  all: ['hiring'] as const,
  /** Every list and record: a stage move changes the position's counts, the applicant and, on a hire, the onboardings. */
  lists: () => [...hiringKeys.all, 'lists'] as const,
  positions: (filter: Record<string, unknown>) => [...hiringKeys.lists(), 'positions', filter] as const,
  applicants: (filter: Record<string, unknown>) => [...hiringKeys.lists(), 'applicants', filter] as const,
  applicant: (id: string) => [...hiringKeys.lists(), 'applicant', id] as const,
  onboardings: (filter: Record<string, unknown>) => [...hiringKeys.lists(), 'onboardings', filter] as const,
};
