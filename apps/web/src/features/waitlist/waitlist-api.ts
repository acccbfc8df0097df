/** Types of the waiting-list API, from the generated schema, and the names the screens show. */
import type { paths } from '../../api/schema';

type Json<T> = T extends { content: { 'application/json': infer B } } ? B : never;

export type WaitlistEntry = Json<paths['/api/waitlist']['get']['responses'][200]>['items'][number];
export type WaitlistStatus = WaitlistEntry['status'];
export type WaitlistEntryInput = Json<paths['/api/waitlist']['post']['requestBody']>;
export type WaitlistEntryPatch = Json<paths['/api/waitlist/{id}']['patch']['requestBody']>;
export type WaitlistReport = Json<paths['/api/waitlist/report']['get']['responses'][200]>;

export const PRIORITIES = [
  { value: '1', label: '1 (offered first)' },
  { value: '2', label: '2' },
  { value: '3', label: '3 (normal)' },
  { value: '4', label: '4' },
  { value: '5', label: '5 (offered last)' },
];

const pad = (n: number) => String(n).padStart(2, '0');

/** "YYYY-MM-DD" of the browser's today plus `days`. */
export function isoDay(days = 0): string {
  const d = new Date();
  d.setDate(d.getDate() + days);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** Names of ids, "Any" when the list is empty (the patient takes whoever or wherever). */
export function namesOf(ids: string[], names: Map<string, string>): string {
  return ids.length ? ids.map((id) => names.get(id) ?? '…').join(', ') : 'Any';
}
