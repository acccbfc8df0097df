/** The chart's Messages tab: the two-way text thread, then everything sent to the patient (reminders, offers, notices) and whether it arrived. */
import { Alert, Badge, Button, Loader, Stack, Table, Text, Title } from '@mantine/core';
import { useInfiniteQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client.ts';
import type { Patient } from '../patients/patients-api.ts';
import type { PatientMessage } from './comms-api.ts';
import { PatientTextsPanel } from './PatientTextsPanel.tsx';
import { deliveryLine, recipient, STATUS_LABELS } from './delivery.ts';
import { commsKeys } from './query-keys.ts';

const STATUS_COLORS: Record<PatientMessage['status'], string> = {
  queued: 'blue',
  sent: 'green',
  delivered: 'teal',
  failed: 'red',
  bounced: 'orange',
  skipped: 'gray',
};

const KIND_LABELS: Record<PatientMessage['kind'], string> = {
  reminder: 'Reminder',
  waitlist_offer: 'Waiting-list offer',
  payment_receipt: 'Payment receipt',
  statement: 'Statement notice',
  text: 'Text from the desk',
  recall: 'Recall campaign',
};

const when = (iso: string) => new Date(iso).toLocaleString('en-US', { dateStyle: 'medium', timeStyle: 'short' });

export function PatientMessagesTab(props: { patient: Patient }) {
  return (
    <Stack pt="md" gap="lg">
      <PatientTextsPanel patient={props.patient} />
      <MessageLog patientId={props.patient.id} />
    </Stack>
  );
}

function MessageLog(props: { patientId: string }) {
  const messages = useInfiniteQuery({
    queryKey: commsKeys.patientMessages(props.patientId),
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }) =>
      unwrap(
        api.GET('/api/patients/{id}/messages', { params: { path: { id: props.patientId }, query: { limit: 50, cursor: pageParam } } }),
      ),
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
  if (messages.isPending) return <Loader aria-label="Loading messages" />;
  if (messages.isError) return <Alert color="red">{messages.error.message}</Alert>;
  const items = messages.data.pages.flatMap((p) => p.items);
  return (
    <Stack gap="sm">
      <Title order={3} size="h5">
        All messages
      </Title>
      {items.length === 0 ? (
        <Text c="dimmed">No messages were sent to this patient.</Text>
      ) : (
        <Table.ScrollContainer minWidth={700}>
          <Table aria-label="Messages" striped data-testid="patient-messages">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Sent</Table.Th>
                <Table.Th>Channel</Table.Th>
                <Table.Th>Subject</Table.Th>
                <Table.Th>To</Table.Th>
                <Table.Th>Delivery</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((m) => {
                const technical = m.status === 'failed' ? m.error : null;
                return (
                  <Table.Tr key={m.id}>
                    <Table.Td>{m.sentAt ? when(m.sentAt) : <Text c="dimmed">Not sent (created {when(m.createdAt)})</Text>}</Table.Td>
                    <Table.Td>{m.channel === 'email' ? 'Email' : 'Text'}</Table.Td>
                    <Table.Td>
                      <Text size="sm">{m.subject}</Text>
                      <Text size="xs" c="dimmed">
                        {KIND_LABELS[m.kind]}
                      </Text>
                    </Table.Td>
                    <Table.Td>{recipient(m)}</Table.Td>
                    <Table.Td>
                      <Badge color={STATUS_COLORS[m.status]}>{STATUS_LABELS[m.status]}</Badge>
                      <Text size="xs">{deliveryLine(m)}</Text>
                      {technical && (
                        <Text size="xs" c="dimmed" title="The mail server's own words, for whoever looks after it">
                          Details: {technical}
                        </Text>
                      )}
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {messages.hasNextPage && (
        <Button variant="subtle" loading={messages.isFetchingNextPage} onClick={() => void messages.fetchNextPage()}>
          Older messages
        </Button>
      )}
    </Stack>
  );
}
