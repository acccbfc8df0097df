/** The chart's Staff messages tab: threads about this patient, and a new message or refill request about them. */
import { Alert, Button, Grid, Loader, Modal, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { api, unwrap } from '../../api/client.ts';
import { NewThreadForm } from './NewThreadForm.tsx';
import { inboxKeys } from './query-keys.ts';
import { ThreadList } from './ThreadList.tsx';
import { ThreadView } from './ThreadView.tsx';

export function PatientStaffMessagesTab(props: { patientId: string }) {
  const [selected, setSelected] = useState<string | null>(null);
  const [composing, setComposing] = useState(false);
  const list = useQuery({
    queryKey: inboxKeys.list({ patientId: props.patientId }),
    queryFn: () =>
      unwrap(api.GET('/api/staff-threads', { params: { query: { box: 'all', status: 'any', patientId: props.patientId, limit: 100 } } })),
  });
  return (
    <Stack pt="md" gap="sm">
      <div>
        <Button onClick={() => setComposing(true)}>Message a colleague or request a refill</Button>
      </div>
      {list.isPending && <Loader aria-label="Loading staff messages" />}
      {list.isError && <Alert color="red">{list.error.message}</Alert>}
      {list.data?.items.length === 0 && <Text>No staff messages about this patient.</Text>}
      <Grid>
        <Grid.Col span={{ base: 12, md: 5 }}>
          <ThreadList items={list.data?.items ?? []} selected={selected} onSelect={setSelected} label="Staff threads about this patient" />
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 7 }}>{selected && <ThreadView key={selected} threadId={selected} />}</Grid.Col>
      </Grid>
      <Modal opened={composing} onClose={() => setComposing(false)} title="New staff message">
        <NewThreadForm
          patientId={props.patientId}
          onCreated={(t) => {
            setComposing(false);
            setSelected(t.id);
          }}
        />
      </Modal>
    </Stack>
  );
}
