/** Types and reads of statement runs and statements (typed from the OpenAPI document). */
import { queryOptions } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client.ts';
import { ApiError, toProblem } from '../../api/problem.ts';
import type { paths } from '../../api/schema';
import { statementKeys } from './query-keys.ts';

type Json<T> = T extends { content: { 'application/json': infer J } } ? J : never;

export type StatementRun = Json<paths['/api/statement-runs']['post']['responses'][201]>;
export type StatementRunDetail = Json<paths['/api/statement-runs/{id}']['get']['responses'][200]>;
export type Statement = StatementRunDetail['statements']['items'][number];

export const DUNNING_LABELS: Record<Statement['dunningLevel'], string> = {
  first: 'First notice',
  second: 'Second notice',
  final: 'Final notice',
};

export const runsQuery = () =>
  queryOptions({
    queryKey: statementKeys.runs(),
    queryFn: () => unwrap(api.GET('/api/statement-runs', { params: { query: { limit: 50 } } })),
  });

export const runQuery = (id: string) =>
  queryOptions({
    queryKey: statementKeys.run(id),
    queryFn: () => unwrap(api.GET('/api/statement-runs/{id}', { params: { path: { id }, query: { limit: 200 } } })),
  });

export const patientStatementsQuery = (patientId: string) =>
  queryOptions({
    queryKey: statementKeys.patient(patientId),
    queryFn: () => unwrap(api.GET('/api/patients/{id}/statements', { params: { path: { id: patientId }, query: { limit: 5 } } })),
    select: (d) => d.items,
  });

export const statementPdfUrl = (id: string) => `/api/statements/${encodeURIComponent(id)}/pdf`;
export const runPdfUrl = (id: string) => `/api/statement-runs/${encodeURIComponent(id)}/pdf`;

/** A statement's PDF as a blob (shown in a frame: the page's policy allows blob: frames, not API frames). */
export async function statementPdf(id: string): Promise<Blob> {
  const { data, error, response } = await api.GET('/api/statements/{id}/pdf', { params: { path: { id } }, parseAs: 'blob' });
  if (!response.ok || !data) throw new ApiError(toProblem(error, response.status));
  return data as Blob;
}
