/** Types and reads of the daily close and deposits (typed from the OpenAPI document). */
import { queryOptions } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client.ts';
import type { paths } from '../../api/schema';
import { depositKeys } from './query-keys.ts';

type Json<T> = T extends { content: { 'application/json': infer J } } ? J : never;

export type DayPreview = Json<paths['/api/daily-closes/preview']['get']['responses'][200]>;
export type DailyClose = Json<paths['/api/daily-closes']['get']['responses'][200]>['items'][number];
export type Deposit = Json<paths['/api/deposits']['get']['responses'][200]>['items'][number];
export type UndepositedPayment = Json<paths['/api/deposits/undeposited']['get']['responses'][200]>['items'][number];

export const previewQuery = (locationId: string, date: string) =>
  queryOptions({
    queryKey: depositKeys.preview(locationId, date),
    queryFn: () => unwrap(api.GET('/api/daily-closes/preview', { params: { query: { locationId, date } } })),
  });

export const closesQuery = (locationId: string) =>
  queryOptions({
    queryKey: depositKeys.closes(locationId),
    queryFn: () => unwrap(api.GET('/api/daily-closes', { params: { query: { locationId, limit: 30 } } })),
    select: (d) => d.items,
  });

export const undepositedQuery = (locationId: string) =>
  queryOptions({
    queryKey: depositKeys.undeposited(locationId),
    queryFn: () => unwrap(api.GET('/api/deposits/undeposited', { params: { query: { locationId, limit: 200 } } })),
    select: (d) => d.items,
  });

export const depositsQuery = (locationId: string) =>
  queryOptions({
    queryKey: depositKeys.deposits(locationId),
    queryFn: () => unwrap(api.GET('/api/deposits', { params: { query: { locationId, limit: 30 } } })),
    select: (d) => d.items,
  });

export const METHOD_NAMES: Record<'cash' | 'check' | 'card', string> = { cash: 'Cash', check: 'Checks', card: 'Cards' };
