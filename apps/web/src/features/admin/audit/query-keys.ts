/** Query keys of the audit screens: the trail by filters and the break-glass review. */
export const auditKeys = {
  all: ['audit'] as const,
  trail: (query: Record<string, unknown>) => [...auditKeys.all, 'trail', query] as const,
  breakGlassLists: () => [...auditKeys.all, 'break-glass'] as const,
  breakGlassList: (activeOnly: boolean) => [...auditKeys.breakGlassLists(), { activeOnly }] as const,
};
