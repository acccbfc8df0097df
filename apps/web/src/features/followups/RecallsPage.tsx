/**
 * Recalls the office works from: overdue first (due before today at the selected location),
 * oldest at the top, each with its last contact. "Log contact" records a call, message or
 * letter in a small dialog; "Book" opens the schedule for the patient (`/schedule?date=&bookFor=`);
 * "Change" moves the due date, marks it booked or closes it.
 */
import { Alert, Anchor, Badge, Button, Group, Loader, Modal, SegmentedControl, Stack, Table, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconPlus } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import { api, unwrap } from '../../api/client.ts';
import { useSelectedLocation } from '../../app/use-selected-location.ts';
import { useCan } from '../auth/use-me.ts';
import { useLocationZone } from '../schedule/schedule-api.ts';
import { laterDate, longDate, METHOD_LABELS, OUTCOME_LABELS, type Recall, recallName, todayOn } from './followups-api.ts';
import { EditRecallForm } from './EditRecallForm.tsx';
import { LogContactForm } from './LogContactForm.tsx';
import { NewRecallForm } from './NewRecallForm.tsx';
import { followupKeys } from './query-keys.ts';

type View = 'overdue' | 'open' | 'booked' | 'closed';
type Dialog = { kind: 'contact'; recall: Recall } | { kind: 'edit'; recall: Recall } | { kind: 'add' } | null;

const VIEWS = [
  { value: 'overdue', label: 'Overdue' },
  { value: 'open', label: 'All open' },
  { value: 'booked', label: 'Booked' },
  { value: 'closed', label: 'Closed' },
];

const STATUS_LABELS: Record<Recall['status'], string> = { due: 'Due', contacted: 'Contacted', booked: 'Booked', closed: 'Closed' };

export function RecallsPage() {
  const can = useCan();
  const canWrite = can('appointment:write');
  const locationId = useSelectedLocation();
  const zone = useLocationZone(locationId);
  const [view, setView] = useState<View>('overdue');
  const [dialog, setDialog] = useState<Dialog>(null);
  const list = useQuery({
    queryKey: followupKeys.recallList({ view, locationId }),
    queryFn: () =>
      unwrap(
        api.GET('/api/recalls', {
          params: {
            query: {
              limit: 200,
              ...(view === 'overdue' && { overdue: 'true' as const }),
              ...((view === 'booked' || view === 'closed') && { status: view }),
            },
          },
        }),
      ),
  });
  const close = () => setDialog(null);
  const today = todayOn(zone);

  return (
    <Stack>
      <Group justify="space-between">
        <Title order={1}>Recalls</Title>
        {canWrite && (
          <Button leftSection={<IconPlus size={16} />} variant="default" onClick={() => setDialog({ kind: 'add' })}>
            Set a recall
          </Button>
        )}
      </Group>
      <SegmentedControl data={VIEWS} value={view} onChange={(v) => setView(v as View)} aria-label="Which recalls" w={420} />
      {list.isPending && <Loader aria-label="Loading recalls" />}
      {list.isError && <Alert color="red">{list.error.message}</Alert>}
      {list.data?.items.length === 0 && <Text>{view === 'overdue' ? 'No recall is overdue.' : 'No recalls here.'}</Text>}
      {list.data && list.data.items.length > 0 && (
        <Table.ScrollContainer minWidth={760}>
          <Table striped aria-label="Recalls" data-testid="recall-list">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Due</Table.Th>
                <Table.Th>Patient</Table.Th>
                <Table.Th>Recall</Table.Th>
                <Table.Th>Status</Table.Th>
                <Table.Th>Last contact</Table.Th>
                <Table.Th>
                  <span className="visually-hidden">Actions</span>
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {list.data.items.map((r) => (
                <Table.Tr key={r.id} data-testid="recall-row">
                  <Table.Td>
                    <Group gap={6} wrap="nowrap">
                      <Text size="sm">{longDate(r.dueDate)}</Text>
                      {r.overdue && (
                        <Badge color="red" variant="light" size="sm">
                          Overdue
                        </Badge>
                      )}
                    </Group>
                  </Table.Td>
                  <Table.Td>{r.patientName}</Table.Td>
                  <Table.Td>
                    {recallName(r)}
                    {r.providerName ? ` · ${r.providerName}` : ''}
                  </Table.Td>
                  <Table.Td>{STATUS_LABELS[r.status]}</Table.Td>
                  <Table.Td>
                    {r.lastContact ? (
                      <Text size="sm">
                        {new Date(r.lastContact.contactedAt).toLocaleDateString('en-US', { month: 'short', day: 'numeric' })}:{' '}
                        {METHOD_LABELS[r.lastContact.method]}, {OUTCOME_LABELS[r.lastContact.outcome].toLowerCase()}
                        {r.contactCount > 1 ? ` (${r.contactCount} contacts)` : ''}
                      </Text>
                    ) : (
                      <Text size="sm">None yet</Text>
                    )}
                  </Table.Td>
                  <Table.Td>
                    {canWrite && r.status !== 'closed' && (
                      <Group gap={6} wrap="nowrap">
                        <Button
                          size="compact-sm"
                          onClick={() => setDialog({ kind: 'contact', recall: r })}
                          aria-label={`Log contact with ${r.patientName}`}
                        >
                          Log contact
                        </Button>
                        <Anchor
                          component={Link}
                          size="sm"
                          to={`/schedule?${new URLSearchParams({ date: laterDate(r.dueDate, today), bookFor: r.patientId })}`}
                          aria-label={`Book ${recallName(r)} for ${r.patientName}`}
                        >
                          Book
                        </Anchor>
                        <Button
                          size="compact-sm"
                          variant="subtle"
                          onClick={() => setDialog({ kind: 'edit', recall: r })}
                          aria-label={`Change ${recallName(r)} for ${r.patientName}`}
                        >
                          Change
                        </Button>
                      </Group>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <Modal opened={dialog?.kind === 'contact'} onClose={close} title="Log contact">
        {dialog?.kind === 'contact' && (
          <LogContactForm
            recall={dialog.recall}
            onLogged={(r) => {
              close();
              notifications.show({ color: 'green', message: `Contact with ${r.patientName} logged` });
            }}
          />
        )}
      </Modal>
      <Modal opened={dialog?.kind === 'edit'} onClose={close} title="Change recall">
        {dialog?.kind === 'edit' && (
          <EditRecallForm
            recall={dialog.recall}
            onSaved={(r) => {
              close();
              notifications.show({ color: 'green', message: `Recall for ${r.patientName} saved` });
            }}
          />
        )}
      </Modal>
      <Modal opened={dialog?.kind === 'add'} onClose={close} title="Set a recall" size="lg">
        {dialog?.kind === 'add' && (
          <NewRecallForm
            onSaved={(r) => {
              close();
              notifications.show({ color: 'green', message: `Recall set for ${r.patientName}` });
            }}
          />
        )}
      </Modal>
    </Stack>
  );
}
