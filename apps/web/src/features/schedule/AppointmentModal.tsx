/** One appointment opened from the calendar: who, when, what, where it stands; cancel from here. */
import { Badge, Button, Group, Modal, Select, Stack, Table, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { api } from '../../api/client.ts';
import { useSubmit } from '../../api/use-submit.ts';
import { flowKeys } from '../flow/query-keys.ts';
import { waitlistKeys } from '../waitlist/query-keys.ts';
import { scheduleKeys } from './query-keys.ts';
import type { Appointment } from './schedule-api.ts';
import { clockDateTime, clockTime } from './zoned-time.ts';

const REASONS = ['patient', 'clinic', 'weather', 'provider'] as const;

export function AppointmentModal(props: {
  appointment: Appointment | null;
  zone: string;
  providerLabel(id: string): string;
  onClose(): void;
}) {
  const a = props.appointment;
  const [reason, setReason] = useState<(typeof REASONS)[number]>('patient');
  const cancelling = useSubmit((id: string) => api.POST('/api/appointments/{id}/cancel', { params: { path: { id } }, body: { reason } }), {
    // The freed time is open again and offered to the waiting list (in the same transaction).
    invalidate: [
      scheduleKeys.appointmentLists(),
      scheduleKeys.availabilitySearches(),
      flowKeys.boards(),
      waitlistKeys.entryLists(),
      waitlistKeys.reports(),
    ],
    onSuccess: () => {
      notifications.show({ message: 'Appointment cancelled' });
      props.onClose();
    },
    onProblem: (problem) => {
      notifications.show({ color: 'red', message: problem.detail });
      return null;
    },
  });
  const cancel = () => {
    if (a) void cancelling.submit(a.id);
  };
  return (
    <Modal opened={a !== null} onClose={props.onClose} title={a ? a.patientName : ''}>
      {a && (
        <Stack>
          <Table>
            <Table.Tbody>
              <Table.Tr>
                <Table.Th>When</Table.Th>
                <Table.Td>
                  {clockDateTime(a.start, props.zone)} to {clockTime(a.end, props.zone)}
                </Table.Td>
              </Table.Tr>
              <Table.Tr>
                <Table.Th>Type</Table.Th>
                <Table.Td>{a.appointmentTypeName}</Table.Td>
              </Table.Tr>
              <Table.Tr>
                <Table.Th>Provider</Table.Th>
                <Table.Td>{props.providerLabel(a.providerId)}</Table.Td>
              </Table.Tr>
              <Table.Tr>
                <Table.Th>Status</Table.Th>
                <Table.Td>
                  <Badge data-testid="appointment-status">{a.status.replace('_', ' ')}</Badge>
                </Table.Td>
              </Table.Tr>
              {a.notes && (
                <Table.Tr>
                  <Table.Th>Notes</Table.Th>
                  <Table.Td>{a.notes}</Table.Td>
                </Table.Tr>
              )}
            </Table.Tbody>
          </Table>
          {(a.status === 'scheduled' || a.status === 'confirmed') && (
            <Group align="flex-end">
              <Select
                label="Cancel reason"
                data={REASONS.map((r) => ({ value: r, label: r }))}
                value={reason}
                onChange={(v) => v && setReason(v as (typeof REASONS)[number])}
                allowDeselect={false}
                w={160}
              />
              <Button color="red" variant="light" onClick={cancel}>
                Cancel appointment
              </Button>
            </Group>
          )}
          <Text size="xs" c="dimmed">
            Drag the visit on the calendar to move it.
          </Text>
        </Stack>
      )}
    </Modal>
  );
}
