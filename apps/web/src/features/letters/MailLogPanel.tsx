/** The mail log: every letter sent, newest first (what, to whom, when, by whom), each openable as its PDF. */
import { Alert, Anchor, Button, Loader, Stack, Table, Text } from '@mantine/core';
import { useInfiniteQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client.ts';
import { letterPdfUrl, when } from './letters-api.ts';
import { letterKeys } from './query-keys.ts';

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
                  </Anchor>
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
