/** The mail log: every letter sent, newest first (what, to whom, when, by whom), each openable as its PDF. */
import { Alert, Anchor, Button, Loader, Stack, Table, Text } from '@mantine/core';
import { useInfiniteQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { api, unwrap } from '../../api/client.ts';
import { letterPdfUrl, when } from './letters-api.ts';
import { letterKeys } from './query-keys.ts';
import { useSubmit } from '../../api/use-submit.ts';
import { taskKeys } from '../tasks/query-keys.ts';

export function MailLogPanel(props: { patientId?: string; batchId?: string }) {
  const filter = { ...(props.patientId && { patientId: props.patientId }), ...(props.batchId && { batchId: props.batchId }) };
  const log = useInfiniteQuery({
    queryKey: letterKeys.log(filter),
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }) => unwrap(api.GET('/api/letters', { params: { query: { ...filter, limit: 50, cursor: pageParam } } })),
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
  if (log.isPending) return <Loader aria-label="Loading the mail log" />;
  if (log.isError) return <Alert color="red">{log.error.message}</Alert>;
  const items = log.data.pages.flatMap((p) => p.items);
  if (items.length === 0) return <Text pt="sm">No letters yet.</Text>;
  return (
    <Stack gap="sm" pt="sm">
      <Table.ScrollContainer minWidth={600}>
        <Table striped aria-label="Letters sent" data-testid="mail-log">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Sent</Table.Th>
              <Table.Th>Letter</Table.Th>
              {!props.patientId && <Table.Th>Patient</Table.Th>}
              <Table.Th>Addressed to</Table.Th>
              <Table.Th>By</Table.Th>
              <Table.Th>
                <span className="visually-hidden">PDF</span>
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {items.map((l) => (
              <Table.Tr key={l.id}>
                <Table.Td>{when(l.createdAt)}</Table.Td>
                <Table.Td>{l.title}</Table.Td>
                {!props.patientId && <Table.Td>{l.patientName}</Table.Td>}
                <Table.Td>{l.recipient}</Table.Td>
                <Table.Td>{l.createdBy ?? 'ClinicDesk'}</Table.Td>
                <Table.Td>
                  <Anchor
                    href={letterPdfUrl(l.id)}
                    target="_blank"
                    rel="noopener"
                    aria-label={`Open the ${l.title} to ${l.recipient} as a PDF`}
                  >
                    PDF
                  </Anchor>{' '}
                  <MakeTaskButton letterId={l.id} title={l.title} />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {log.hasNextPage && (
        <Button variant="default" onClick={() => void log.fetchNextPage()} loading={log.isFetchingNextPage}>
          Show older letters
        </Button>
      )}
    </Stack>
  );
}

/** "Make a task" from a letter: for the signing doctor's account (a results letter to sign), about its patient. */
function MakeTaskButton(props: { letterId: string; title: string }) {
  const [made, setMade] = useState(false);
  const making = useSubmit(() => api.POST('/api/letters/{id}/task', { params: { path: { id: props.letterId } }, body: {} }), {
    invalidate: [taskKeys.all],
    onSuccess: () => setMade(true),
  });
  if (made)
    return (
      <Text span size="xs" role="status">
        Task made
      </Text>
    );
  return (
    <>
      <Button
        size="compact-xs"
        variant="subtle"
        loading={making.busy}
        onClick={() => void making.submit()}
        aria-label={`Make a task from the ${props.title}`}
      >
        Make a task
      </Button>
      {making.error && (
        <Text span size="xs" c="red" role="alert">
          {making.error}
        </Text>
      )}
    </>
  );
}
