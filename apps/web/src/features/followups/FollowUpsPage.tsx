/**
 * The front desk's follow-up worklist: visits signed plans asked for (and those noted by hand),
 * oldest due date first, at the selected location by default. "Book" opens the booking panel
 * with the slot search filled in (BookFollowUpPanel: three interactions from the list to a
 * booked visit); "Close" takes one off the list with a reason.
 */
import { Alert, Badge, Button, Group, Loader, Modal, SegmentedControl, Select, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconPlus } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { api, unwrap } from '../../api/client.ts';
import { useSubmit } from '../../api/use-submit.ts';
import { useSelectedLocation } from '../../app/use-selected-location.ts';
import { useCan } from '../auth/use-me.ts';
import { providerName, useLocationClocks, useLocations, useProviders } from '../schedule/schedule-api.ts';
import { BookFollowUpPanel } from './BookFollowUpPanel.tsx';
import { type FollowUp, type FollowUpStatus, longDate, todayOn } from './followups-api.ts';
import { NewFollowUpForm } from './NewFollowUpForm.tsx';
import { followupKeys } from './query-keys.ts';

type Dialog = { kind: 'book' | 'close'; followUp: FollowUp } | { kind: 'add' } | null;

const STATUSES = [
  { value: 'open', label: 'Open' },
  { value: 'booked', label: 'Booked' },
  { value: 'closed', label: 'Closed' },
];
const ALL = 'all';

export function FollowUpsPage() {
  const can = useCan();
  const canWrite = can('appointment:write');
  const selectedLocation = useSelectedLocation();
  const [status, setStatus] = useState<FollowUpStatus>('open');
  const [locationId, setLocationId] = useState<string>(selectedLocation ?? ALL);
  const [providerId, setProviderId] = useState<string>(ALL);
  const [dialog, setDialog] = useState<Dialog>(null);
  const locations = useLocations();
  const providers = useProviders();
  const clocks = useLocationClocks();
  const filter = { status, locationId, providerId };
  const list = useQuery({
    queryKey: followupKeys.followUpList(filter),
    queryFn: () =>
      unwrap(
        api.GET('/api/follow-ups', {
          params: {
            query: {
              status,
              limit: 200,
              ...(locationId !== ALL && { locationId }),
              ...(providerId !== ALL && { providerId }),
            },
          },
        }),
      ),
  });
  const close = () => setDialog(null);

  return (
    <Stack>
      <Group justify="space-between">
        <Title order={1}>Follow-ups</Title>
        {canWrite && (
          <Button leftSection={<IconPlus size={16} />} variant="default" onClick={() => setDialog({ kind: 'add' })}>
            Add follow-up
          </Button>
        )}
      </Group>
      <Group align="flex-end">
        <SegmentedControl data={STATUSES} value={status} onChange={(v) => setStatus(v as FollowUpStatus)} aria-label="Status" />
        <Select
          label="Location"
          data={[{ value: ALL, label: 'All locations' }, ...(locations.data?.items ?? []).map((l) => ({ value: l.id, label: l.name }))]}
          value={locationId}
          onChange={(v) => setLocationId(v ?? ALL)}
          allowDeselect={false}
          w={220}
        />
        <Select
          label="Provider"
          data={[{ value: ALL, label: 'All providers' }, ...(providers.data ?? []).map((p) => ({ value: p.id, label: providerName(p) }))]}
          value={providerId}
          onChange={(v) => setProviderId(v ?? ALL)}
          allowDeselect={false}
          w={240}
        />
      </Group>
      {list.isPending && <Loader aria-label="Loading follow-ups" />}
      {list.isError && <Alert color="red">{list.error.message}</Alert>}
      {list.data?.items.length === 0 && <Text>No {status} follow-ups here.</Text>}
      {list.data && list.data.items.length > 0 && (
        <Table.ScrollContainer minWidth={760}>
          <Table striped aria-label="Follow-ups" data-testid="follow-up-list">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Due</Table.Th>
                <Table.Th>Patient</Table.Th>
                <Table.Th>Type</Table.Th>
                <Table.Th>Provider</Table.Th>
                <Table.Th>Location</Table.Th>
                <Table.Th>Note</Table.Th>
                <Table.Th>
                  <span className="visually-hidden">Actions</span>
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {list.data.items.map((f) => {
                const overdue = f.status === 'open' && f.dueDate < todayOn(clocks.get(f.locationId)?.zone);
                return (
                  <Table.Tr key={f.id} data-testid="follow-up-row" data-follow-up-id={f.id}>
                    <Table.Td>
                      <Group gap={6} wrap="nowrap">
                        <Text size="sm">{longDate(f.dueDate)}</Text>
                        {overdue && (
                          <Badge color="red" variant="light" size="sm">
                            Overdue
                          </Badge>
                        )}
                      </Group>
                    </Table.Td>
                    <Table.Td>{f.patientName}</Table.Td>
                    <Table.Td>{f.appointmentTypeName ?? 'Any type'}</Table.Td>
                    <Table.Td>{f.providerName ?? 'Any provider'}</Table.Td>
                    <Table.Td>{f.locationName}</Table.Td>
                    <Table.Td>{f.status === 'closed' ? `Closed: ${f.closedReason ?? ''}` : f.note}</Table.Td>
                    <Table.Td>
                      {canWrite && f.status === 'open' && (
                        <Group gap={6} wrap="nowrap">
                          <Button
                            size="compact-sm"
                            onClick={() => setDialog({ kind: 'book', followUp: f })}
                            aria-label={`Book follow-up for ${f.patientName}`}
                          >
                            Book
                          </Button>
                          <Button
                            size="compact-sm"
                            variant="default"
                            onClick={() => setDialog({ kind: 'close', followUp: f })}
                            aria-label={`Close follow-up for ${f.patientName}`}
                          >
                            Close
                          </Button>
                        </Group>
                      )}
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}

      <Modal opened={dialog?.kind === 'book'} onClose={close} title="Book follow-up" size="xl">
        {dialog?.kind === 'book' && (
          <BookFollowUpPanel
            followUp={dialog.followUp}
            onBooked={(f) => {
              close();
              notifications.show({ color: 'green', message: `${f.patientName} is booked` });
            }}
          />
        )}
      </Modal>
      <Modal opened={dialog?.kind === 'close'} onClose={close} title="Close follow-up">
        {dialog?.kind === 'close' && <CloseFollowUpForm followUp={dialog.followUp} onDone={close} />}
      </Modal>
      <Modal opened={dialog?.kind === 'add'} onClose={close} title="Add follow-up" size="lg">
        {dialog?.kind === 'add' && (
          <NewFollowUpForm
            defaultLocationId={selectedLocation}
            onSaved={(f) => {
              close();
              notifications.show({ color: 'green', message: `Follow-up for ${f.patientName} added` });
            }}
          />
        )}
      </Modal>
    </Stack>
  );
}

function CloseFollowUpForm(props: { followUp: FollowUp; onDone(): void }) {
  const [reason, setReason] = useState('');
  const closing = useSubmit(
    () => api.POST('/api/follow-ups/{id}/close', { params: { path: { id: props.followUp.id } }, body: { reason } }),
    {
      invalidate: [followupKeys.followUpLists()],
      onSuccess: () => {
        props.onDone();
        notifications.show({ message: `Follow-up for ${props.followUp.patientName} closed` });
      },
    },
  );
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        void closing.submit();
      }}
    >
      <Stack>
        <Text size="sm">Take {props.followUp.patientName}'s follow-up off the worklist without booking it.</Text>
        <TextInput
          label="Reason"
          required
          value={reason}
          onChange={(e) => setReason(e.currentTarget.value)}
          data-autofocus
          maxLength={500}
        />
        {closing.error && (
          <Alert color="red" role="alert">
            {closing.error}
          </Alert>
        )}
        <Group justify="flex-end">
          <Button type="submit" loading={closing.busy} disabled={reason.trim() === ''}>
            Close follow-up
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
