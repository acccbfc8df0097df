/** Query keys of the codes feature (code-set searches and the practice's procedure list). */
export const codesKeys = {
  all: ['codes'] as const,
  icd10: (q: string, billableOnly: boolean) => [...codesKeys.all, 'icd10', q, billableOnly] as const,
  hcpcs: (q: string) => [...codesKeys.all, 'hcpcs', q] as const,
  procedures: () => [...codesKeys.all, 'procedures'] as const,
  procedureList: (q: string, includeInactive: boolean) => [...codesKeys.procedures(), q, includeInactive] as const,
};
