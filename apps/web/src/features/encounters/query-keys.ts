/**
 * Query keys of encounters: one encounter, the lists (a patient's timeline, the unsigned notes),
 * note templates and quick texts. A patient's timeline sits under the patient's record so a
 * break-glass grant or a merge refreshes it with the rest of the chart.
 */
import { patientKeys } from '../patients/query-keys.ts';

export const encounterKeys = {
  all: ['encounters'] as const,
  details: () => [...encounterKeys.all, 'detail'] as const,
  detail: (id: string) => [...encounterKeys.details(), id] as const,
  lists: () => [...encounterKeys.all, 'list'] as const,
  list: (filter: Record<string, string | undefined>) => [...encounterKeys.lists(), filter] as const,
  patientTimeline: (patientId: string) => [...patientKeys.record(patientId), 'encounters'] as const,
  templates: () => [...encounterKeys.all, 'note-templates'] as const,
  templateList: (includeInactive: boolean) => [...encounterKeys.templates(), { includeInactive }] as const,
  quickTexts: () => [...encounterKeys.all, 'quick-texts'] as const,
  /** The visit an encounter documents (for its appointment type). */
  visit: (appointmentId: string) => [...encounterKeys.all, 'visit', appointmentId] as const,
};
