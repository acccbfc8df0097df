/** Query keys of a patient's account, under the patient's record key (a merge or break-glass refreshes them). */
import { patientKeys } from '../patients/query-keys.ts';

export const accountKeys = {
  account: (patientId: string) => [...patientKeys.record(patientId), 'account'] as const,
  payments: (patientId: string) => [...patientKeys.record(patientId), 'payments'] as const,
  /** The copays expected today for the patients on a board (any payment refreshes them). */
  expectedCopays: (patientIds: readonly string[]) => ['expected-copays', [...patientIds].sort().join(',')] as const,
  allExpectedCopays: () => ['expected-copays'] as const,
};
