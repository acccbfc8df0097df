/** Types of the audit API, from the generated schema, and the query string the trail and the CSV export share. */
import type { paths } from '../../../api/schema';
import { instantOfWall } from './zone-format.ts';

type Json<T> = T extends { content: { 'application/json': infer B } } ? B : never;

export type AuditQuery = NonNullable<paths['/api/audit']['get']['parameters']['query']>;
export type AuditEvent = Json<paths['/api/audit']['get']['responses'][200]>['items'][number];
export type AuditVerification = Json<paths['/api/audit/verify']['get']['responses'][200]>;
export type BreakGlassGrant = Json<paths['/api/audit/break-glass']['get']['responses'][200]>['items'][number];

export interface AuditFilters {
  userId: string;
  /** The patient picked by name (the id is what the API filters on; the label is what the picker shows). */
  patientId: string;
  patientLabel: string;
  action: string;
  /** datetime-local values on the clinic's clock (audit-clock.ts); sent as ISO instants. */
  from: string;
  to: string;
  sort: NonNullable<AuditQuery['sort']>;
}

export const EMPTY_FILTERS: AuditFilters = {
  userId: '',
  patientId: '',
  patientLabel: '',
  action: '',
  from: '',
  to: '',
  sort: '-occurredAt',
};

export const ACTIONS = [
  'read',
  'search',
  'create',
  'update',
  'delete',
  'print',
  'export',
  'merge',
  'break_glass',
  'login',
  'logout',
  'lockout',
  'verify',
];

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The filters as API query parameters, From/To read on `zone`; incomplete values are left out rather than sent to fail. */
export function toQuery(f: AuditFilters, zone: string): Omit<AuditQuery, 'cursor' | 'limit'> {
  const q: Omit<AuditQuery, 'cursor' | 'limit'> = { sort: f.sort };
  if (UUID.test(f.userId)) q.userId = f.userId;
  if (UUID.test(f.patientId)) q.patientId = f.patientId;
  if (f.action) q.action = f.action;
  const from = instantOfWall(f.from, zone);
  const to = instantOfWall(f.to, zone);
  if (from) q.from = from;
  if (to) q.to = to;
  return q;
}

/** The CSV export link for the same filters (a plain GET: the session cookie carries it). */
export function exportHref(f: AuditFilters, zone: string): string {
  const params = new URLSearchParams(Object.entries(toQuery(f, zone)).filter((e): e is [string, string] => typeof e[1] === 'string'));
  return `/api/audit/export.csv?${params.toString()}`;
}

/** "break_glass_report" → "break-glass report". */
export function resourceLabel(resourceType: string): string {
  return resourceType.replace('break_glass', 'break-glass').replaceAll('_', ' ');
}
