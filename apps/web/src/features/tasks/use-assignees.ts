/** The practice's active staff, as options of an "Assign to" select. */
import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client.ts';
import { taskKeys } from './query-keys.ts';

export function useAssigneeOptions(enabled = true): { value: string; label: string }[] {
  const staff = useQuery({
    queryKey: taskKeys.assignees(),
    queryFn: () => unwrap(api.GET('/api/tasks/assignees')),
    enabled,
    staleTime: 60_000,
  });
  return (staff.data?.items ?? []).map((s) => ({ value: s.id, label: s.name }));
}
