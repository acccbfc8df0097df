/** Query keys of recall campaigns: the list, one campaign, its members and its report. */
export const campaignKeys = {
  all: ['campaigns'] as const,
  lists: () => [...campaignKeys.all, 'lists'] as const,
  one: (id: string) => [...campaignKeys.all, 'one', id] as const,
  members: (id: string, response: string) => [...campaignKeys.all, 'members', id, response] as const,
  report: (id: string) => [...campaignKeys.all, 'report', id] as const,
};
