/**
 * The flow board's "Rooms" strip: each room of the location with who is in it now (roomed or with
 * the provider: name, step, minutes since arrival) or "free". Wraps on a phone; never wider than the page.
 */
import { Paper, Text, Title } from '@mantine/core';
import { type FlowItem, minutesHere, type RoomUse } from './flow-api.ts';
import './flow-rooms.css';

const STEP: Partial<Record<FlowItem['status'], string>> = { roomed: 'roomed', with_provider: 'with provider' };

export function RoomOccupancy(props: { uses: RoomUse[]; now: number }) {
  if (props.uses.length === 0) return null;
  return (
    <section aria-labelledby="flow-rooms-title" data-testid="flow-rooms">
      <Title order={2} size="h5" id="flow-rooms-title" mb={4}>
        Rooms
      </Title>
      <ul className="flow-rooms">
        {props.uses.map((use) => (
          <Paper
            component="li"
            withBorder
            key={use.id}
            className="flow-room"
            data-testid="flow-room"
            data-room-id={use.id}
            data-room-name={use.name}
            data-occupants={use.occupants.length}
            data-active={use.active}
          >
            <Text fw={700} size="sm">
              {use.name}
              {!use.active && ' (closed)'}
            </Text>
            {use.occupants.length === 0 ? (
              <Text size="sm">free</Text>
            ) : (
              <ul className="flow-room-occupants" aria-label={`In ${use.name}`}>
                {use.occupants.map((o) => {
                  const minutes = minutesHere(o, props.now);
                  return (
                    <li key={o.appointmentId} data-testid="flow-room-occupant" data-appointment-id={o.appointmentId}>
                      <Text size="sm" span>
                        {o.patientName}
                      </Text>
                      <Text size="sm" span>
                        {' '}
                        · {STEP[o.status] ?? o.status}
                        {minutes !== null && ` · here ${minutes} min`}
                      </Text>
                    </li>
                  );
                })}
              </ul>
            )}
          </Paper>
        ))}
      </ul>
    </section>
  );
}
