/**
 * Query keys of the chart's clinical lists. They sit under the patient's record key
 * (patientKeys.record), so a break-glass grant or a merge refreshes them with the rest.
 */
import { patientKeys } from '../patients/query-keys.ts';

export const clinicalKeys = {
  problems: (patientId: string) => [...patientKeys.record(patientId), 'problems'] as const,
  allergies: (patientId: string) => [...patientKeys.record(patientId), 'allergies'] as const,
  medications: (patientId: string) => [...patientKeys.record(patientId), 'medications'] as const,
  prescriptions: (patientId: string) => [...patientKeys.record(patientId), 'prescriptions'] as const,
};
