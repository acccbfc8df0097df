/** Types and reads of the finance reports (typed from the OpenAPI document), and their CSV downloads. */
import { queryOptions } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client.ts';
import { ApiError, toProblem } from '../../api/problem.ts';
import type { paths } from '../../api/schema';
import { getSelectedLocation } from '../../api/selected-location.ts';
import { reportKeys } from './query-keys.ts';

type Json<T> = T extends { content: { 'application/json': infer J } } ? J : never;

export type ArAgingReport = Json<paths['/api/reports/ar-aging']['get']['responses'][200]>;
export type DaysInArReport = Json<paths['/api/reports/days-in-ar']['get']['responses'][200]>;
export type CollectionsReport = Json<paths['/api/reports/collections']['get']['responses'][200]>;
export type PaymentsByMethodReport = Json<paths['/api/reports/payments-by-method']['get']['responses'][200]>;
export type TrialBalanceReport = Json<paths['/api/reports/trial-balance']['get']['responses'][200]>;
export type Period = CollectionsReport['period'];

export const BUCKETS = ['0-30', '31-60', '61-90', '91-120', '120+'] as const;

/** Parameters left empty are left out (the server's defaults apply). */
const given = (params: Record<string, string>) => Object.fromEntries(Object.entries(params).filter(([, v]) => v !== ''));

export const arAgingQuery = (p: { asOf: string }) =>
  queryOptions({
    queryKey: reportKeys.report('ar-aging', p),
    queryFn: () => unwrap(api.GET('/api/reports/ar-aging', { params: { query: given(p) } })),
  });

export const daysInArQuery = (p: { asOf: string; days: string }) =>
  queryOptions({
    queryKey: reportKeys.report('days-in-ar', p),
    queryFn: () =>
      unwrap(
        api.GET('/api/reports/days-in-ar', {
          params: { query: { ...given({ asOf: p.asOf }), ...(p.days ? { days: Number(p.days) } : {}) } },
        }),
      ),
  });

export const collectionsQuery = (p: { from: string; to: string; period: Period }) =>
  queryOptions({
    queryKey: reportKeys.report('collections', p),
    queryFn: () =>
      unwrap(api.GET('/api/reports/collections', { params: { query: { ...given({ from: p.from, to: p.to }), period: p.period } } })),
  });

export const paymentsByMethodQuery = (p: { from: string; to: string }) =>
  queryOptions({
    queryKey: reportKeys.report('payments-by-method', p),
    queryFn: () => unwrap(api.GET('/api/reports/payments-by-method', { params: { query: given(p) } })),
  });

export const trialBalanceQuery = (p: { asOf: string }) =>
  queryOptions({
    queryKey: reportKeys.report('trial-balance', p),
    queryFn: () => unwrap(api.GET('/api/reports/trial-balance', { params: { query: given(p) } })),
  });

/**
 * Downloads a CSV the way the API client calls (session cookie, CSRF marker, the selected
 * location), saved under the name the server gives it. A refusal throws the problem.
 */
export async function downloadCsv(path: string, params: Record<string, string>): Promise<void> {
  const headers: Record<string, string> = { 'x-clinicdesk-csrf': '1' };
  const location = getSelectedLocation();
  if (location) headers['x-location-id'] = location;
  const res = await fetch(`${path}?${new URLSearchParams(given(params))}`, { credentials: 'same-origin', headers });
  if (!res.ok) throw new ApiError(toProblem(await res.json().catch(() => null), res.status));
  const name = /filename="([^"]+)"/.exec(res.headers.get('content-disposition') ?? '')?.[1] ?? 'report.csv';
  const url = URL.createObjectURL(await res.blob());
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
