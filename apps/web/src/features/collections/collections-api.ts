/** Types and shared reads of collections (typed from the OpenAPI document). */
import { queryOptions } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client.ts';
import type { paths } from '../../api/schema';
import { collectionKeys } from './query-keys.ts';

type Json<T> = T extends { content: { 'application/json': infer J } } ? J : never;

export type WorklistItem = Json<paths['/api/collections/worklist']['get']['responses'][200]>['items'][number];
export type WorklistQuery = NonNullable<paths['/api/collections/worklist']['get']['parameters']['query']>;
export type ContactInput = Json<paths['/api/collections/contacts']['post']['requestBody']>;
export type Plan = Json<paths['/api/payment-plans']['get']['responses'][200]>['items'][number];
export type PlanInput = Json<paths['/api/payment-plans']['post']['requestBody']>;
export type WriteOffResult = Json<paths['/api/collections/small-balance-write-offs']['post']['responses'][200]>;

export const CONTACT_LABELS: Record<ContactInput['type'], string> = {
  called: 'Called',
  voicemail: 'Left voicemail',
  spoke: 'Spoke with',
  emailed: 'Emailed',
  letter: 'Letter',
};
export const FREQUENCY_LABELS: Record<PlanInput['frequency'], string> = {
  monthly: 'Monthly',
  biweekly: 'Every two weeks',
  weekly: 'Weekly',
};
export const PLAN_STATUS_LABELS: Record<Plan['status'], string> = {
  active: 'Active',
  completed: 'Completed',
  broken: 'Broken',
  cancelled: 'Cancelled',
};
export const AGENCY_LABELS: Record<WorklistItem['agencyStatus'], string> = { none: '—', sent: 'At agency', returned: 'Returned' };
export const LEVEL_LABELS: Record<NonNullable<WorklistItem['lastStatement']>['level'], string> = {
  first: 'first',
  second: 'second',
  final: 'final notice',
};

export const plansQuery = (patientId: string) =>
  queryOptions({
    queryKey: collectionKeys.plans(patientId),
    queryFn: () => unwrap(api.GET('/api/payment-plans', { params: { query: { patientId } } })),
    select: (d) => d.items,
  });

export const contactsQuery = (guarantorKey: string) =>
  queryOptions({
    queryKey: collectionKeys.contacts(guarantorKey),
    queryFn: () => unwrap(api.GET('/api/collections/contacts', { params: { query: { guarantorKey, limit: 50 } } })),
    select: (d) => d.items,
  });
