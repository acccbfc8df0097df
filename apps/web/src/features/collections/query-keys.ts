/** Query keys of collections: the worklist by filter, a guarantor's contact log, a patient's payment plans. */
import { patientKeys } from '../patients/query-keys.ts';

export const collectionKeys = {
  all: ['collections'] as const,
  /** Every worklist page and filter: a contact, a plan, the agency or a write-off changes them all. */
  worklists: () => [...collectionKeys.all, 'worklist'] as const,
  worklist: (filter: Record<string, unknown>) => [...collectionKeys.worklists(), filter] as const,
  contacts: (guarantorKey: string) => [...collectionKeys.all, 'contacts', guarantorKey] as const,
  /** Under the patient's record key (a merge or break-glass refreshes it); the account tab shows it too. */
  plans: (patientId: string) => [...patientKeys.record(patientId), 'payment-plans'] as const,
};
