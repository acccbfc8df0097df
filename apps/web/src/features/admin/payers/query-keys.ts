import { patientKeys } from '../../patients/query-keys.ts';

/**
 * Query keys of the payer list. Under `patientKeys.payers()`, which the coverage forms read:
 * a payer added or edited here refreshes their payer choices too.
 */
export const payerKeys = {
  all: () => patientKeys.payers(),
  withInactive: () => [...patientKeys.payers(), 'with-inactive'] as const,
};
