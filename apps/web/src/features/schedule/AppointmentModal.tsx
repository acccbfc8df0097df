/** One appointment opened from the calendar: who, when, what, where it stands; cancel from here. */
import { Badge, Button, Group, Modal, Select, Stack, Table, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api } from '../../api/client.ts';
import { toProblem } from '../../api/problem.ts';
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
  const queryClient = useQueryClient();
  const [reason, setReason] = useState<(typeof REASONS)[number]>('patient');
  const cancel = async () => {
    if (!a) return;
    const { error, response } = await api.POST('/api/appointments/{id}/cancel', { params: { path: { id: a.id } }, body: { reason } });
    if (!response.ok) {
      notifications.show({ color: 'red', message: toProblem(error, response.status).detail });
      return;
    }
    notifications.show({ message: 'Appointment cancelled' });
    await queryClient.invalidateQueries({ queryKey: ['appointments'] });
    props.onClose();
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
              <Button color="red" variant="light" onClick={() => void cancel()}>
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
