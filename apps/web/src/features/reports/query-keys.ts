/** Query keys of the finance reports: one per report and its parameters. */
export const reportKeys = {
  all: ['reports'] as const,
  report: (name: string, params: Record<string, string>) => [...reportKeys.all, name, params] as const,
};
