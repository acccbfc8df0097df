/** Types and shared reads of a patient's account (typed from the OpenAPI document). */
import { queryOptions } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client.ts';
import type { paths } from '../../api/schema';
import { accountKeys } from './query-keys.ts';

type Json<T> = T extends { content: { 'application/json': infer J } } ? J : never;

export type Account = Json<paths['/api/patients/{id}/account']['get']['responses'][200]>;
export type Payment = Json<paths['/api/patients/{id}/payments']['get']['responses'][200]>['items'][number];
export type PaymentInput = Json<paths['/api/payments']['post']['requestBody']>;

const path = (id: string) => ({ params: { path: { id } } });

export const accountQuery = (patientId: string) =>
  queryOptions({
    queryKey: accountKeys.account(patientId),
    queryFn: () => unwrap(api.GET('/api/patients/{id}/account', path(patientId))),
  });

export const paymentsQuery = (patientId: string) =>
  queryOptions({
    queryKey: accountKeys.payments(patientId),
    queryFn: () => unwrap(api.GET('/api/patients/{id}/payments', { params: { path: { id: patientId }, query: { limit: 50 } } })),
    select: (d) => d.items,
  });

export type ExpectedCopay = Json<paths['/api/expected-copays']['get']['responses'][200]>['items'][number];

/** The copays expected today from these patients (at most 100 at once), by patient id. */
export const expectedCopaysQuery = (patientIds: readonly string[], locationId: string | null) =>
  queryOptions({
    queryKey: [...accountKeys.expectedCopays(patientIds), locationId],
    enabled: patientIds.length > 0,
    queryFn: () =>
      unwrap(
        api.GET('/api/expected-copays', {
          params: { query: { patientIds: patientIds.slice(0, 100).join(','), ...(locationId ? { locationId } : {}) } },
        }),
      ),
    select: (d) => new Map(d.items.map((i) => [i.patientId, i])),
  });

/** Where a payment's receipt prints (opened in a new tab). */
export const receiptUrl = (paymentId: string) => `/api/payments/${encodeURIComponent(paymentId)}/receipt.pdf`;

export const METHOD_LABELS: Record<PaymentInput['method'], string> = { cash: 'Cash', check: 'Check', card: 'Card' };
