/** Query keys of the waiting list: entries by status, the fill-rate report, the offer hold time. */
export const waitlistKeys = {
  all: ['waitlist'] as const,
  entryLists: () => [...waitlistKeys.all, 'entries'] as const,
  entryList: (status: string) => [...waitlistKeys.entryLists(), status] as const,
  reports: () => [...waitlistKeys.all, 'report'] as const,
  report: (from: string, to: string) => [...waitlistKeys.reports(), { from, to }] as const,
  settings: () => [...waitlistKeys.all, 'settings'] as const,
};
