/** The next step for one visit on the board: check in, room, with provider, check out. */
import { Button, Group, Select } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useSubmit } from '../../api/use-submit.ts';
import { scheduleKeys } from '../schedule/query-keys.ts';
import { changeStatus, type FlowItem, type FlowStatus } from './flow-api.ts';
import { flowKeys } from './query-keys.ts';

export function FlowActions(props: { item: FlowItem; rooms: { id: string; name: string }[]; onCheckedIn(item: FlowItem): void }) {
  const { item } = props;
  const [roomId, setRoomId] = useState<string | null>(null);
  const { submit, busy } = useSubmit(
    (status: FlowStatus, room: string | null) => changeStatus(item.appointmentId, status, room ?? undefined),
    {
      // The board and the calendar both show the visit's status.
      invalidate: [flowKeys.boards(), scheduleKeys.appointmentLists()],
      onSuccess: (_data, status) => {
        if (status === 'arrived') props.onCheckedIn(item);
      },
      onProblem: (problem) => {
        notifications.show({ color: 'red', message: problem.detail });
        return null;
      },
    },
  );
  const go = (status: FlowStatus, room: string | null = null) => void submit(status, room);
  const who = item.patientName;
  switch (item.status) {
    case 'scheduled':
    case 'confirmed':
    case 'no_show':
      return (
        <Button size="compact-sm" loading={busy} onClick={() => go('arrived')} aria-label={`Check in ${who}`}>
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
            onClick={() => roomId && go('roomed', roomId)}
            aria-label={`Room ${who}`}
          >
            Room
          </Button>
        </Group>
      );
    case 'roomed':
      return (
        <Button size="compact-sm" variant="light" loading={busy} onClick={() => go('with_provider')} aria-label={`With provider: ${who}`}>
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
          onClick={() => go('checked_out')}
          aria-label={`Check out ${who}`}
        >
          Check out
        </Button>
      );
    default:
      return null;
  }
}
