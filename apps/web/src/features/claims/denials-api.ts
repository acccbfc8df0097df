/** The denial queue (`GET /api/denials`) as the page shows it: filters, rows with their age. */
import { api, unwrap } from '../../api/client.ts';
import type { paths } from '../../api/schema';
import type { ClaimStatus } from './claims-api.ts';

type Json<T> = T extends { content: { 'application/json': infer B } } ? B : never;
export type DenialItem = Json<paths['/api/denials']['get']['responses'][200]>['items'][number];

export interface DenialFilter {
  /** A CARC code ('' any). */
  reason: string;
  payerId: string;
  /** Older than this many days ('' any). */
  age: string;
}

export interface Denial extends DenialItem {
  key: string;
  ageDays: number;
  /** "2 · 36415", or "whole claim" for a claim-level denial. */
  line: string;
  status: ClaimStatus;
}

/** Whole days from a `YYYY-MM-DD` date to today (the browser's). */
export function ageInDays(date: string, now = new Date()): number {
  const today = Date.UTC(now.getFullYear(), now.getMonth(), now.getDate());
  return Math.max(0, Math.round((today - Date.parse(`${date}T00:00:00Z`)) / 86_400_000));
}

export async function denialQuery(filter: DenialFilter): Promise<{ items: Denial[] }> {
  const reasonCode = /^[A-Z0-9]{1,5}$/.test(filter.reason) ? filter.reason : undefined;
  const data = await unwrap(
    api.GET('/api/denials', {
      params: {
        query: {
          limit: 200,
          ...(reasonCode && { reasonCode }),
          ...(filter.payerId && { payerId: filter.payerId }),
          ...(filter.age && { olderThanDays: Number(filter.age) }),
        },
      },
    }),
  );
  return {
    items: data.items.map((d, i) => ({
      ...d,
      key: `${d.claimId}-${d.lineNumber ?? 'claim'}-${d.group}-${d.reasonCode}-${d.traceNumber}-${i}`,
      ageDays: ageInDays(d.deniedOn),
      line: d.lineNumber === null ? 'whole claim' : `${d.lineNumber}${d.procedureCode ? ` · ${d.procedureCode}` : ''}`,
      status: d.claimStatus as ClaimStatus,
    })),
  };
}
