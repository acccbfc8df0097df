/** Staff messages: my threads (and my provider's queue), sent, unassigned or all; open, done or any; a thread beside the list; a new message. */
import { Alert, Button, Grid, Group, Loader, Modal, SegmentedControl, Select, Stack, Text, Title } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useInfiniteQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { api, unwrap } from '../../api/client.ts';
import type { Box } from './inbox-api.ts';
import { NewThreadForm } from './NewThreadForm.tsx';
import { inboxKeys } from './query-keys.ts';
import { ThreadList } from './ThreadList.tsx';
import { ThreadView } from './ThreadView.tsx';

const BOXES = [
  { value: 'mine', label: 'Mine' },
  { value: 'unassigned', label: 'Unassigned' },
  { value: 'sent', label: 'Sent' },
  { value: 'all', label: 'All' },
];

export function StaffInboxPage() {
  const [box, setBox] = useState<Box>('mine');
  const [status, setStatus] = useState<'open' | 'done' | 'any'>('open');
  const [selected, setSelected] = useState<string | null>(null);
  const [composing, setComposing] = useState(false);
  const list = useInfiniteQuery({
    queryKey: inboxKeys.list({ box, status }),
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }) => unwrap(api.GET('/api/staff-threads', { params: { query: { box, status, limit: 50, cursor: pageParam } } })),
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <Stack>
      <Group justify="space-between">
        <Title order={1}>Staff messages</Title>
        <Button leftSection={<IconPlus size={16} />} onClick={() => setComposing(true)}>
          New message
        </Button>
      </Group>
      <Group>
        <SegmentedControl aria-label="Which threads" data={BOXES} value={box} onChange={(v) => setBox(v as Box)} />
        <Select
          aria-label="Status"
          data={[
            { value: 'open', label: 'Open' },
            { value: 'done', label: 'Done' },
            { value: 'any', label: 'Open and done' },
          ]}
          value={status}
          onChange={(v) => v && setStatus(v as typeof status)}
          allowDeselect={false}
          w={170}
        />
      </Group>
      <Grid>
        <Grid.Col span={{ base: 12, md: 5 }}>
          {list.isPending && <Loader aria-label="Loading messages" />}
          {list.isError && <Alert color="red">{list.error.message}</Alert>}
          {list.data && items.length === 0 && <Text>No messages here.</Text>}
          <ThreadList items={items} selected={selected} onSelect={setSelected} label="Threads" />
          {list.hasNextPage && (
            <Button variant="default" mt="sm" onClick={() => void list.fetchNextPage()} loading={list.isFetchingNextPage}>
              Show older
            </Button>
          )}
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 7 }}>
          {selected ? <ThreadView key={selected} threadId={selected} /> : <Text c="dimmed">Choose a thread to read it.</Text>}
        </Grid.Col>
      </Grid>
      <Modal opened={composing} onClose={() => setComposing(false)} title="New staff message">
        <NewThreadForm
          onCreated={(t) => {
            setComposing(false);
            setBox('sent');
            setSelected(t.id);
          }}
        />
      </Modal>
    </Stack>
  );
}
