/** The next step for one visit on the board: check in, room, with provider, check out. */
import { Button, Group, Select } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { toProblem } from '../../api/problem.ts';
import { changeStatus, type FlowItem, type FlowStatus } from './flow-api.ts';

export function FlowActions(props: { item: FlowItem; rooms: { id: string; name: string }[]; onCheckedIn(item: FlowItem): void }) {
  const { item } = props;
  const queryClient = useQueryClient();
  const [roomId, setRoomId] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const go = async (status: FlowStatus, room?: string) => {
    setBusy(true);
    const { data, error, response } = await changeStatus(item.appointmentId, status, room);
    setBusy(false);
    if (!data) {
      notifications.show({ color: 'red', message: toProblem(error, response.status).detail });
      return;
    }
    await queryClient.invalidateQueries({ queryKey: ['flow-board'] });
    if (status === 'arrived') props.onCheckedIn(item);
  };
  const who = item.patientName;
  switch (item.status) {
    case 'scheduled':
    case 'confirmed':
    case 'no_show':
      return (
        <Button size="compact-sm" loading={busy} onClick={() => void go('arrived')} aria-label={`Check in ${who}`}>
          Check in
        </Button>
      );
    case 'arrived':
      return (
        <Group gap={4} wrap="nowrap">
          <Select
            size="xs"
            aria-label={`Room for ${who}`}
            placeholder="Room"
            data={props.rooms.map((r) => ({ value: r.id, label: r.name }))}
            value={roomId}
            onChange={setRoomId}
            w={130}
            comboboxProps={{ withinPortal: true }}
          />
          <Button
            size="compact-sm"
            disabled={!roomId}
            loading={busy}
            onClick={() => roomId && void go('roomed', roomId)}
            aria-label={`Room ${who}`}
          >
            Room
          </Button>
        </Group>
      );
    case 'roomed':
      return (
        <Button
          size="compact-sm"
          variant="light"
          loading={busy}
          onClick={() => void go('with_provider')}
          aria-label={`With provider: ${who}`}
        >
          With provider
        </Button>
      );
    case 'with_provider':
      return (
        <Button
          size="compact-sm"
          variant="light"
          color="gray"
          loading={busy}
          onClick={() => void go('checked_out')}
          aria-label={`Check out ${who}`}
        >
          Check out
        </Button>
      );
    default:
      return null;
  }
}
