/**
 * Texts: what patients (and unknown numbers) texted the practice that ClinicDesk could not act on
 * by itself (not a C, N, STOP or START), newest first. The desk reads each, follows up in the
 * patient's chart, and marks it handled. "Handled" shows the ones already dealt with.
 */
import { Alert, Badge, Button, Group, Loader, SegmentedControl, Stack, Table, Text, Title } from '@mantine/core';
import { useInfiniteQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import { api, unwrap } from '../../api/client.ts';
import { useSubmit } from '../../api/use-submit.ts';
import { displayPhone } from '../../app/format-phone.ts';
import { useCan } from '../auth/use-me.ts';
import type { InboxText } from './comms-api.ts';
import { commsKeys } from './query-keys.ts';

const when = (iso: string) => new Date(iso).toLocaleString('en-US', { dateStyle: 'medium', timeStyle: 'short' });

export function TextsInboxPage() {
  const [view, setView] = useState<'open' | 'handled'>('open');
  const handled = view === 'handled';
  const inbox = useInfiniteQuery({
    queryKey: commsKeys.textInbox(handled),
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }) =>
      unwrap(api.GET('/api/sms/inbox', { params: { query: { handled: handled ? 'true' : 'false', limit: 50, cursor: pageParam } } })),
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
  const items = inbox.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <Stack>
      <Title order={1}>Texts</Title>
      <Text size="sm" c="dimmed">
        Texts patients sent to the practice number that need a person. Replies C, N, STOP and START are handled on their own and show in
        each patient's Messages tab.
      </Text>
      <SegmentedControl
        aria-label="Which texts"
        value={view}
        onChange={(v) => setView(v as 'open' | 'handled')}
        data={[
          { value: 'open', label: 'Waiting' },
          { value: 'handled', label: 'Handled' },
        ]}
        w={260}
      />
      {inbox.isPending ? (
        <Loader aria-label="Loading texts" />
      ) : inbox.isError ? (
        <Alert color="red">{inbox.error.message}</Alert>
      ) : items.length === 0 ? (
        <Text c="dimmed">{handled ? 'No handled texts yet.' : 'No texts are waiting.'}</Text>
      ) : (
        <Table.ScrollContainer minWidth={560}>
          <Table aria-label={handled ? 'Handled texts' : 'Texts waiting for the desk'} striped data-testid="texts-inbox">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Received</Table.Th>
                <Table.Th>From</Table.Th>
                <Table.Th>Text</Table.Th>
                <Table.Th>{handled ? 'Handled' : <span className="visually-hidden">Actions</span>}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((m) => (
                <InboxRow key={m.id} text={m} />
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {inbox.hasNextPage && (
        <Button variant="subtle" loading={inbox.isFetchingNextPage} onClick={() => void inbox.fetchNextPage()}>
          Older texts
        </Button>
      )}
    </Stack>
  );
}

function InboxRow(props: { text: InboxText }) {
  const m = props.text;
  const can = useCan();
  const marking = useSubmit(() => api.POST('/api/sms/inbox/{id}/handled', { params: { path: { id: m.id } } }), {
    invalidate: [commsKeys.textInbox(false), commsKeys.textInbox(true)],
  });
  return (
    <Table.Tr>
      <Table.Td>{when(m.receivedAt)}</Table.Td>
      <Table.Td>
        {m.patientId && m.patientName ? (
          <Link to={`/patients?id=${m.patientId}`}>{m.patientName}</Link>
        ) : (
          <Badge variant="light">Unknown</Badge>
        )}
        <Text size="xs" c="dimmed">
          {displayPhone(m.from)}
        </Text>
      </Table.Td>
      <Table.Td>
        <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
          {m.body}
        </Text>
      </Table.Td>
      <Table.Td>
        {m.handledAt ? (
          when(m.handledAt)
        ) : can('patient:write') ? (
          <Group gap="xs">
            <Button size="compact-sm" variant="light" loading={marking.busy} onClick={() => void marking.submit()}>
              Mark handled
            </Button>
            {marking.error && (
              <Text size="xs" c="red" role="alert">
                {marking.error}
              </Text>
            )}
          </Group>
        ) : null}
      </Table.Td>
    </Table.Tr>
  );
}
