import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client.ts';
import type { paths } from '../../api/schema';
import { codesKeys } from './query-keys.ts';

type Json<T> = T extends { content: { 'application/json': infer J } } ? J : never;
export type Icd10Code = Json<paths['/api/codes/icd10']['get']['responses'][200]>['items'][number];
export type HcpcsCode = Json<paths['/api/codes/hcpcs']['get']['responses'][200]>['items'][number];
export type Procedure = Json<paths['/api/procedures']['get']['responses'][200]>['items'][number];

/** What a search box shows while typing: results of the last query until the next arrive. */
export const icd10SearchQuery = (q: string, billableOnly: boolean) =>
  queryOptions({
    queryKey: codesKeys.icd10(q, billableOnly),
    queryFn: ({ signal }) =>
      unwrap(
        api.GET('/api/codes/icd10', { params: { query: { q, limit: 20, ...(billableOnly && { billable: 'true' as const }) } }, signal }),
      ),
    select: (d) => d.items,
    placeholderData: keepPreviousData,
    staleTime: 60 * 60 * 1000,
  });

export const proceduresQuery = (q: string, includeInactive = false) =>
  queryOptions({
    queryKey: codesKeys.procedureList(q, includeInactive),
    queryFn: ({ signal }) =>
      unwrap(
        api.GET('/api/procedures', {
          params: { query: { ...(q && { q }), ...(includeInactive && { includeInactive: 'true' as const }) } },
          signal,
        }),
      ),
    select: (d) => d.items,
    placeholderData: keepPreviousData,
  });

/** 12500 → "$125.00". */
export function formatFee(cents: number): string {
  return `$${Math.floor(cents / 100).toLocaleString('en-US')}.${String(cents % 100).padStart(2, '0')}`;
}

/** "125", "125.5", "$1,250.00" → cents, read as text (never through a float); null when it is no amount. */
export function parseFee(text: string): number | null {
  const m = /^\$?(\d{1,3}(?:,\d{3})+|\d{1,9})(?:\.(\d{1,2}))?$/.exec(text.trim());
  if (!m) return null;
  const cents = Number.parseInt((m[1] as string).replace(/,/g, ''), 10) * 100 + Number.parseInt((m[2] ?? '').padEnd(2, '0'), 10);
  return cents <= 100_000_000 ? cents : null;
}

/** 12500 → "125.00" (what the fee field shows for editing). */
export const feeText = (cents: number) => `${Math.floor(cents / 100)}.${String(cents % 100).padStart(2, '0')}`;
