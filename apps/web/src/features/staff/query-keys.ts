/** Query keys of the staff and rota screens. */
export const staffKeys = {
  all: ['staff'] as const,
  directory: (filter: Record<string, unknown>) => [...staffKeys.all, 'directory', filter] as const,
  options: () => [...staffKeys.all, 'options'] as const,
};

export const rotaKeys = {
  all: ['rota'] as const,
  /** The week's shifts, gaps, templates and swaps: assigning or swapping a shift changes them all. */
  week: () => [...rotaKeys.all, 'week'] as const,
  shifts: (locationId: string | null, from: string) => [...rotaKeys.week(), 'shifts', locationId, from] as const,
  gaps: (locationId: string | null, from: string) => [...rotaKeys.week(), 'gaps', locationId, from] as const,
  templates: (locationId: string | null) => [...rotaKeys.week(), 'templates', locationId] as const,
  swaps: (locationId: string | null) => [...rotaKeys.week(), 'swaps', locationId] as const,
  timeOff: () => [...rotaKeys.all, 'time-off'] as const,
  timeOffList: (filter: Record<string, unknown>) => [...rotaKeys.timeOff(), filter] as const,
  onCall: () => [...rotaKeys.all, 'on-call'] as const,
  onCallNow: (locationId: string | null) => [...rotaKeys.onCall(), 'now', locationId] as const,
  onCallList: (locationId: string | null) => [...rotaKeys.onCall(), 'list', locationId] as const,
  handovers: (locationId: string | null) => [...rotaKeys.all, 'handovers', locationId] as const,
};
