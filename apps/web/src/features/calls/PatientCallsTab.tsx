/** The chart's Calls tab: the patient's calls, newest first (each read audited by the server). */
import { Alert, Loader, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client.ts';
import { CallTable } from './CallsPage.tsx';
import { callKeys } from './query-keys.ts';

export function PatientCallsTab(props: { patientId: string }) {
  const calls = useQuery({
    queryKey: callKeys.list({ patientId: props.patientId }),
    queryFn: () => unwrap(api.GET('/api/calls', { params: { query: { patientId: props.patientId, limit: 100 } } })),
  });
  if (calls.isPending) return <Loader aria-label="Loading calls" />;
  if (calls.isError) return <Alert color="red">{calls.error.message}</Alert>;
  if (calls.data.items.length === 0) return <Text>No calls logged for this patient.</Text>;
  return <CallTable calls={calls.data.items} showCaller={false} />;
}
