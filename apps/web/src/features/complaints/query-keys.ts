/** Query keys of complaints: the list by filter and the monthly report. */
export const complaintKeys = {
  all: ['complaints'] as const,
  lists: () => [...complaintKeys.all, 'lists'] as const,
  list: (filter: Record<string, unknown>) => [...complaintKeys.lists(), filter] as const,
  report: (month: string) => [...complaintKeys.all, 'report', month] as const,
};
