/** The selected location's active projects, as options of a "Project" select. */
import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client.ts';
import { useSelectedLocation } from '../../app/use-selected-location.ts';
import { taskKeys } from './query-keys.ts';

export function useProjectOptions(): { value: string; label: string }[] {
  const locationId = useSelectedLocation();
  const projects = useQuery({
    queryKey: taskKeys.projectList({ locationId, status: 'active' }),
    queryFn: () => unwrap(api.GET('/api/projects', { params: { query: { limit: 200, ...(locationId && { locationId }) } } })),
    staleTime: 30_000,
  });
  return (projects.data?.items ?? []).map((p) => ({ value: p.id, label: p.name }));
}
