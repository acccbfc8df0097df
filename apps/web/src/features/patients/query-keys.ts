/**
 * Query keys of the patient registry. Everything read about one patient sits under
 * `patientKeys.record(id)` (the comms feature keeps its messages there too), so a
 * break-glass grant or a merge refreshes all of it with one prefix.
 */
export const patientKeys = {
  all: ['patients'] as const,
  searches: () => [...patientKeys.all, 'search'] as const,
  search: (q: string, limit: number) => [...patientKeys.searches(), q, limit] as const,
  records: () => [...patientKeys.all, 'record'] as const,
  record: (id: string) => [...patientKeys.records(), id] as const,
  detail: (id: string) => [...patientKeys.record(id), 'detail'] as const,
  coverages: (id: string) => [...patientKeys.record(id), 'coverages'] as const,
  eligibility: (id: string, coverageId: string) => [...patientKeys.coverages(id), coverageId, 'eligibility'] as const,
  documents: (id: string) => [...patientKeys.record(id), 'documents'] as const,
  careTeam: (id: string) => [...patientKeys.record(id), 'care-team'] as const,
  payers: () => [...patientKeys.all, 'payers'] as const,
};
