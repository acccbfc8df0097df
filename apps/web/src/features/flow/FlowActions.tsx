/**
 * The next step for one visit on the board: check in, room, with provider, check out.
 * `data-flow-action` marks the control the board's keyboard shortcuts reach (FlowBoardPage).
 * The room picker says who is in each room (free rooms first); an occupied room is asked about
 * before the patient is sent there, never refused (a parent and child may share a room).
 */
import { Button, Group, Modal, Select, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useSubmit } from '../../api/use-submit.ts';
import { scheduleKeys } from '../schedule/query-keys.ts';
import { changeStatus, type FlowItem, type FlowStatus, namesOf, type RoomUse, roomChoiceLabel } from './flow-api.ts';
import { flowKeys } from './query-keys.ts';

export function FlowActions(props: {
  item: FlowItem;
  /** The rooms to offer, in order (`roomChoices`), each with who is in it now. */
  rooms: RoomUse[];
  onCheckedIn(item: FlowItem): void;
}) {
  const { item } = props;
  const [roomId, setRoomId] = useState<string | null>(null);
  /** The occupied room the user is asked about (as it was when asked). */
  const [sharing, setSharing] = useState<RoomUse | null>(null);
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
        <Button size="compact-sm" loading={busy} onClick={() => go('arrived')} aria-label={`Check in ${who}`} data-flow-action="check-in">
          Check in
        </Button>
      );
    case 'arrived': {
      const room = () => {
        const chosen = props.rooms.find((r) => r.id === roomId);
        if (!chosen) return;
        if (chosen.occupants.length > 0) setSharing(chosen);
        else go('roomed', chosen.id);
      };
      return (
        <Group gap={4} wrap="nowrap">
          <Select
            data-flow-action="room"
            aria-label={`Room for ${who}`}
            placeholder="Room"
            data={props.rooms.map((r) => ({ value: r.id, label: roomChoiceLabel(r) }))}
            value={roomId}
            onChange={setRoomId}
            w={180}
            classNames={{ dropdown: 'flow-room-options', option: 'flow-room-option' }}
            comboboxProps={{ withinPortal: true, width: 'max-content', position: 'bottom-start' }}
          />
          <Button size="compact-sm" disabled={!roomId} loading={busy} onClick={room} aria-label={`Room ${who}`}>
            Room
          </Button>
          <Modal
            opened={sharing !== null}
            onClose={() => setSharing(null)}
            title={sharing ? `${sharing.name} is in use` : ''}
            data-testid="room-share-confirm"
          >
            {sharing && (
              <>
                <Text>
                  {sharing.name} already has {namesOf(sharing.occupants)}. Room {who} there too?
                </Text>
                <Group justify="flex-end" mt="md">
                  <Button variant="default" onClick={() => setSharing(null)}>
                    Cancel
                  </Button>
                  <Button
                    data-autofocus
                    onClick={() => {
                      const id = sharing.id;
                      setSharing(null);
                      go('roomed', id);
                    }}
                  >
                    Room {who} there too
                  </Button>
                </Group>
              </>
            )}
          </Modal>
        </Group>
      );
    }
    case 'roomed':
      return (
        <Button
          size="compact-sm"
          variant="light"
          loading={busy}
          onClick={() => go('with_provider')}
          aria-label={`With provider: ${who}`}
          data-flow-action="with-provider"
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
          onClick={() => go('checked_out')}
          aria-label={`Check out ${who}`}
          data-flow-action="check-out"
        >
          Check out
        </Button>
      );
    default:
      return null;
  }
}
