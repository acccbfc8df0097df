import { api } from '../../../api/client.ts';
import { ApiError, toProblem } from '../../../api/problem.ts';
import type { Location, LocationInput } from '../../../api/types.ts';

/** Create (no id) or update with If-Match: "<version>"; failures throw ApiError with the problem body. */
export async function saveLocation(payload: LocationInput, existing: { id: string; version: number } | null): Promise<Location> {
  const { data, error, response } = existing
    ? await api.PATCH('/api/locations/{id}', {
        params: { path: { id: existing.id } },
        body: payload,
        headers: { 'if-match': `"${existing.version}"` },
      })
    : await api.POST('/api/locations', { body: payload });
  if (!data) throw new ApiError(toProblem(error, response.status));
  return data;
}
