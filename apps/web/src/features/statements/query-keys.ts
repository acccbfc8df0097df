/** Query keys of statement runs; a patient's statements live under the patient's record key. */
import { patientKeys } from '../patients/query-keys.ts';

export const statementKeys = {
  runs: () => ['statement-runs'] as const,
  run: (id: string) => ['statement-runs', id] as const,
  patient: (patientId: string) => [...patientKeys.record(patientId), 'statements'] as const,
};
