import { patientKeys } from '../patients/query-keys.ts';

/** Query keys of patient messages: the practice's mail settings, reminder rules, and what was sent to a patient. */
export const commsKeys = {
  all: ['comms'] as const,
  settings: () => [...commsKeys.all, 'settings'] as const,
  reminderRules: () => [...commsKeys.all, 'reminder-rules'] as const,
  /** Messages of the last days that did not reach their patients (the home page). */
  undelivered: () => [...commsKeys.all, 'undelivered'] as const,
  /** Under the patient's record, so whatever refreshes the record (break-glass, merge) refreshes this too. */
  patientMessages: (patientId: string) => [...patientKeys.record(patientId), 'messages'] as const,
  /** The patient's two-way text thread. */
  patientTexts: (patientId: string) => [...patientKeys.record(patientId), 'texts'] as const,
  /** Received texts waiting for the desk. */
  textInbox: (handled: boolean) => [...commsKeys.all, 'text-inbox', handled] as const,
};
