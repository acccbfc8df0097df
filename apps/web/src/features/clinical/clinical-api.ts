/** Types and shared reads of the clinical lists (typed from the OpenAPI document). */
import { queryOptions } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client.ts';
import type { paths } from '../../api/schema';
import { getSelectedLocation } from '../../api/selected-location.ts';
import { clinicalKeys } from './query-keys.ts';

type Json<T> = T extends { content: { 'application/json': infer J } } ? J : never;

export type Problem = Json<paths['/api/patients/{id}/problems']['get']['responses'][200]>['items'][number];
export type ProblemInput = Json<paths['/api/patients/{id}/problems']['post']['requestBody']>;
export type AllergyList = Json<paths['/api/patients/{id}/allergies']['get']['responses'][200]>;
export type Allergy = AllergyList['items'][number];
export type AllergyInput = Json<paths['/api/patients/{id}/allergies']['post']['requestBody']>;
export type Medication = Json<paths['/api/patients/{id}/medications']['get']['responses'][200]>['items'][number];
export type MedicationInput = Json<paths['/api/patients/{id}/medications']['post']['requestBody']>;
export type Prescription = Json<paths['/api/patients/{id}/prescriptions']['get']['responses'][200]>['items'][number];
export type PrescriptionInput = Json<paths['/api/patients/{id}/prescriptions']['post']['requestBody']>;

const path = (id: string) => ({ params: { path: { id } } });

export const problemsQuery = (patientId: string) =>
  queryOptions({
    queryKey: clinicalKeys.problems(patientId),
    queryFn: () => unwrap(api.GET('/api/patients/{id}/problems', path(patientId))),
    select: (d) => d.items,
  });

export const allergiesQuery = (patientId: string) =>
  queryOptions({
    queryKey: clinicalKeys.allergies(patientId),
    queryFn: () => unwrap(api.GET('/api/patients/{id}/allergies', path(patientId))),
  });

export const medicationsQuery = (patientId: string) =>
  queryOptions({
    queryKey: clinicalKeys.medications(patientId),
    queryFn: () => unwrap(api.GET('/api/patients/{id}/medications', path(patientId))),
    select: (d) => d.items,
  });

export const prescriptionsQuery = (patientId: string) =>
  queryOptions({
    queryKey: clinicalKeys.prescriptions(patientId),
    queryFn: () => unwrap(api.GET('/api/patients/{id}/prescriptions', path(patientId))),
    select: (d) => d.items,
  });

/** Where "Print" points: the PDF, headed with the selected location's letterhead. */
export function prescriptionPdfHref(patientId: string, prescriptionId: string): string {
  const locationId = getSelectedLocation();
  const q = locationId ? `?${new URLSearchParams({ locationId })}` : '';
  return `/api/patients/${patientId}/prescriptions/${prescriptionId}.pdf${q}`;
}

export const SEVERITY_TEXT: Record<Allergy['severity'], string> = {
  mild: 'Mild',
  moderate: 'Moderate',
  severe: 'Severe',
  life_threatening: 'Life-threatening',
  unknown: 'Severity unknown',
};

export const ROUTE_TEXT: Record<Medication['route'], string> = {
  oral: 'Oral',
  topical: 'Topical',
  inhaled: 'Inhaled',
  subcutaneous: 'Subcutaneous',
  intramuscular: 'Intramuscular',
  intravenous: 'Intravenous',
  other: 'Other',
};
