/** Types, queries and calls of the patient registry, from the generated OpenAPI types. */
import { queryOptions } from '@tanstack/react-query';
import type { paths } from '../../api/schema';
import { api, unwrap } from '../../api/client.ts';
import { ApiError, type Problem, toProblem } from '../../api/problem.ts';
import { getSelectedLocation } from '../../api/selected-location.ts';
import type { ApiResult } from '../../api/use-submit.ts';
import { patientKeys } from './query-keys.ts';

type Json<T> = T extends { content: { 'application/json': infer J } } ? J : never;
export type Patient = Json<paths['/api/patients/{id}']['get']['responses'][200]>;
export type PatientSummary = Json<paths['/api/patients']['get']['responses'][200]>['items'][number];
export type PatientInput = Json<paths['/api/patients']['post']['requestBody']>;
export type PatientPatch = Json<paths['/api/patients/{id}']['patch']['requestBody']>;
export type Coverage = Json<paths['/api/patients/{id}/coverages']['get']['responses'][200]>['items'][number];
export type CoverageInput = Json<paths['/api/patients/{id}/coverages']['post']['requestBody']>;
export type CoveragePatch = Json<paths['/api/patients/{id}/coverages/{coverageId}']['patch']['requestBody']>;
export type Payer = Json<paths['/api/payers']['get']['responses'][200]>['items'][number];
export type DocumentInfo = Json<paths['/api/patients/{id}/documents']['get']['responses'][200]>['items'][number];

export const CATEGORIES: { value: DocumentInfo['category']; label: string }[] = [
  { value: 'insurance_card', label: 'Insurance card' },
  { value: 'id', label: 'ID' },
  { value: 'consent', label: 'Consent' },
  { value: 'referral', label: 'Referral' },
  { value: 'outside_records', label: 'Outside records' },
  { value: 'other', label: 'Other' },
];

export const STATES =
  'AL AK AZ AR CA CO CT DE DC FL GA HI ID IL IN IA KS KY LA ME MD MA MI MN MS MO MT NE NV NH NJ NM NY NC ND OH OK OR PA RI SC SD TN TX UT VT VA WA WV WI WY PR VI GU AS MP'.split(
    ' ',
  );

function headers(extra: Record<string, string> = {}): Record<string, string> {
  const h: Record<string, string> = { 'x-clinicdesk-csrf': '1', ...extra };
  const loc = getSelectedLocation();
  if (loc) h['x-location-id'] = loc;
  return h;
}

/** Who last changed the record, and what (from the audit trail), as a 412 VERSION_MISMATCH carries it. */
export interface LastChange {
  userId: string | null;
  userDisplayName: string | null;
  role: string | null;
  occurredAt: string;
  changes: Record<string, { before: unknown; after: unknown }> | null;
}

/** The record (the chart, the check-in dialog, a guarantor picked from the registry). */
export const patientQuery = (id: string) =>
  queryOptions({
    queryKey: patientKeys.detail(id),
    queryFn: () => unwrap(api.GET('/api/patients/{id}', { params: { path: { id } } })),
  });

/** The patient's coverages (chart header, Insurance and Documents tabs, check-in dialog). */
export const coveragesQuery = (id: string) =>
  queryOptions({
    queryKey: patientKeys.coverages(id),
    queryFn: () => unwrap(api.GET('/api/patients/{id}/coverages', { params: { path: { id }, query: {} } })),
  });

export const documentsQuery = (id: string) =>
  queryOptions({
    queryKey: patientKeys.documents(id),
    queryFn: () => unwrap(api.GET('/api/patients/{id}/documents', { params: { path: { id }, query: {} } })),
  });

/**
 * The registry search (names, typos, birth dates, phones, MRNs), first `limit` results.
 * Locked entries (restricted records a break-glass user may not open yet) are left out unless
 * `includeLocked`: only the patients page offers them, as the way to the break-glass prompt;
 * a picker could not book or link a record it cannot open.
 */
export const patientSearchQuery = (q: string, limit: number, opts: { includeLocked?: boolean } = {}) =>
  queryOptions({
    queryKey: patientKeys.search(q, limit),
    queryFn: () => unwrap(api.GET('/api/patients', { params: { query: { q, limit } } })),
    select: opts.includeLocked ? undefined : (data) => ({ ...data, items: data.items.filter((p) => !p.locked) }),
  });

/** The record with its ETag, read fresh: an edit starts from this version. */
export async function readPatient(id: string): Promise<{ patient: Patient; etag: string }> {
  const { data, error, response } = await api.GET('/api/patients/{id}', { params: { path: { id } } });
  if (!data) throw new ApiError(toProblem(error, response.status));
  return { patient: data, etag: response.headers.get('etag') ?? `"${data.version}"` };
}

/** PATCH with If-Match of the version the edit started from; a 412 carries the conflict (`conflictOf`). */
export function patchPatient(id: string, etag: string, patch: PatientPatch) {
  return api.PATCH('/api/patients/{id}', { params: { path: { id } }, headers: { 'if-match': etag }, body: patch });
}

export interface PatientConflict {
  current: Patient;
  lastChange: LastChange | null;
  etag: string;
}

/** The conflict a 412 VERSION_MISMATCH describes (the record now, its last change, its ETag), else null. */
export function conflictOf(problem: Problem): PatientConflict | null {
  if (problem.status !== 412 || !problem.current) return null;
  const current = problem.current as Patient;
  const lastChange = (problem as { lastChange?: LastChange | null }).lastChange ?? null;
  return { current, lastChange, etag: `"${current.version}"` };
}

/** Raw upload: the file is the body, metadata in the query (the API has no multipart); answers as openapi-fetch does. */
export async function uploadDocument(
  patientId: string,
  file: File,
  meta: { category: string; coverageId?: string | null },
): Promise<ApiResult<DocumentInfo>> {
  const q = new URLSearchParams({ category: meta.category, fileName: file.name });
  if (meta.coverageId) q.set('coverageId', meta.coverageId);
  const res = await fetch(`/api/patients/${patientId}/documents?${q}`, {
    method: 'POST',
    credentials: 'same-origin',
    headers: headers({ 'content-type': 'application/octet-stream' }),
    body: file,
  });
  const body = await res.json().catch(() => null);
  return res.ok ? { data: body as DocumentInfo, response: res } : { error: body, response: res };
}

/** The document's bytes as an object URL for viewing inline (images and PDFs). */
export async function documentObjectUrl(id: string): Promise<string> {
  const res = await fetch(`/api/documents/${id}/content?disposition=inline`, { credentials: 'same-origin', headers: headers() });
  if (!res.ok) throw new ApiError(toProblem(await res.json().catch(() => null), res.status));
  return URL.createObjectURL(await res.blob());
}

export function ageOf(birthDate: string, today = new Date()): number {
  const [y, m, d] = birthDate.split('-').map(Number) as [number, number, number];
  let age = today.getFullYear() - y;
  if (today.getMonth() + 1 < m || (today.getMonth() + 1 === m && today.getDate() < d)) age--;
  return age;
}

export const fullName = (p: { givenName: string; familyName: string; preferredName?: string | null }) =>
  `${p.familyName}, ${p.givenName}${p.preferredName ? ` ("${p.preferredName}")` : ''}`;
