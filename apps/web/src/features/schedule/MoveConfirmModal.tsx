/**
 * A drag that changes the visit's provider or day asks first: who and when now, who and when
 * after, and why (kept on the visit's history). A drag within the same day and provider moves at once.
 */
import { Button, Group, Modal, Stack, Table, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import type { Appointment, LocationClock } from './schedule-api.ts';
import { clockDateTime, toWall, wallDay, wallTime } from './zoned-time.ts';

export interface PendingMove {
  appointment: Appointment;
  /** The new start as a wall date (the location's clock). */
  start: Date;
  providerId: string | null;
}

/** Whether a drag needs the confirmation: another provider, or another day. */
export function needsConfirmation(move: PendingMove, zone: string): boolean {
  const a = move.appointment;
  const otherProvider = move.providerId !== null && move.providerId !== a.providerId;
  return otherProvider || wallDay(toWall(a.start, zone)) !== wallDay(move.start);
}

export function MoveConfirmModal(props: {
  move: PendingMove | null;
  clock: LocationClock;
  providerLabel(id: string): string;
  onConfirm(note: string): void;
  onCancel(): void;
}) {
  return (
    <Modal opened={props.move !== null} onClose={props.onCancel} title="Move this visit?">
      {props.move && <MoveForm {...props} move={props.move} />}
    </Modal>
  );
}

function MoveForm(props: {
  move: PendingMove;
  clock: LocationClock;
  providerLabel(id: string): string;
  onConfirm(note: string): void;
  onCancel(): void;
}) {
  const { move, clock } = props;
  const a = move.appointment;
  const [note, setNote] = useState('');
  const [tried, setTried] = useState(false);
  const newProvider = move.providerId ?? a.providerId;
  const when = `${move.start.toLocaleDateString('en-US', { weekday: 'short', month: 'short', day: 'numeric' })}, ${wallTime(move.start, clock.hour12)}`;
  const missing = note.trim() === '';
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        setTried(true);
        if (!missing) props.onConfirm(note.trim());
      }}
    >
      <Stack data-testid="move-confirm">
        <Text>
          {a.patientName} · {a.appointmentTypeName}
        </Text>
        <Table>
          <Table.Thead>
            <Table.Tr>
              <Table.Th />
              <Table.Th>Now</Table.Th>
              <Table.Th>After the move</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            <Table.Tr>
              <Table.Th scope="row">Provider</Table.Th>
              <Table.Td data-testid="move-old-provider">{props.providerLabel(a.providerId)}</Table.Td>
              <Table.Td data-testid="move-new-provider" fw={newProvider !== a.providerId ? 700 : undefined}>
                {props.providerLabel(newProvider)}
              </Table.Td>
            </Table.Tr>
            <Table.Tr>
              <Table.Th scope="row">When</Table.Th>
              <Table.Td data-testid="move-old-time">{clockDateTime(a.start, clock.zone, clock.hour12)}</Table.Td>
              <Table.Td data-testid="move-new-time">{when}</Table.Td>
            </Table.Tr>
          </Table.Tbody>
        </Table>
        <TextInput
          label="Reason for the move"
          withAsterisk
          data-autofocus
          value={note}
          maxLength={200}
          onChange={(e) => setNote(e.currentTarget.value)}
          error={tried && missing ? 'Say why the visit moves' : undefined}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={props.onCancel}>
            Keep it where it is
          </Button>
          <Button type="submit">Move visit</Button>
        </Group>
      </Stack>
    </form>
  );
}
