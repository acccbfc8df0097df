/** "Next available": the earliest open slots for a type across several providers; one click opens the booking. */
import { Alert, Button, Group, MultiSelect, Paper, Select, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { IconClockSearch } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { api, unwrap } from '../../api/client.ts';
import type { BookingDraft } from './BookAppointmentModal.tsx';
import { scheduleKeys } from './query-keys.ts';
import { type AppointmentType, type LocationClock, type Provider, providerName } from './schedule-api.ts';
import { clockDateTime } from './zoned-time.ts';

const DAY_MS = 86_400_000;

export function NextAvailable(props: {
  locationId: string;
  clock: LocationClock;
  types: AppointmentType[];
  providers: Provider[];
  onPick(draft: BookingDraft): void;
}) {
  const [typeId, setTypeId] = useState<string | null>(null);
  const [chosen, setChosen] = useState<string[]>([]);
  const [asked, setAsked] = useState<{ typeId: string; providerIds: string[]; at: number } | null>(null);
  const providerIds = chosen.length ? chosen : props.providers.map((p) => p.id);
  const names = new Map(props.providers.map((p) => [p.id, providerName(p)]));
  const slots = useQuery({
    queryKey: scheduleKeys.availabilitySearch({ locationId: props.locationId, asked }),
    enabled: asked !== null,
    queryFn: () => {
      const q = asked as NonNullable<typeof asked>;
      return unwrap(
        api.GET('/api/availability', {
          params: {
            query: {
              appointmentTypeId: q.typeId,
              providerId: q.providerIds,
              locationId: [props.locationId],
              from: new Date(q.at).toISOString(),
              to: new Date(q.at + 30 * DAY_MS).toISOString(),
              limit: 9,
            },
          },
        }),
      );
    },
  });
  return (
    <Paper withBorder p="sm" data-testid="next-available">
      <Stack gap="xs">
        <Title order={2} size="h4">
          Next available
        </Title>
        <Group align="flex-end">
          <Select
            label="Type"
            placeholder="Appointment type"
            data={props.types.map((t) => ({ value: t.id, label: t.name }))}
            value={typeId}
            onChange={setTypeId}
            w={200}
          />
          <MultiSelect
            label="Providers"
            placeholder={chosen.length ? undefined : 'All at this location'}
            data={props.providers.map((p) => ({ value: p.id, label: providerName(p) }))}
            value={chosen}
            onChange={setChosen}
            w={360}
            clearable
          />
          <Button
            leftSection={<IconClockSearch size={16} />}
            disabled={!typeId}
            onClick={() => typeId && setAsked({ typeId, providerIds, at: Date.now() })}
          >
            Find
          </Button>
        </Group>
        {slots.isError && <Alert color="red">{slots.error.message}</Alert>}
        {slots.data?.items.length === 0 && <Text c="dimmed">No open time in the next 30 days.</Text>}
        {slots.data && slots.data.items.length > 0 && (
          <SimpleGrid cols={3} spacing="xs" data-testid="slot-list">
            {slots.data.items.map((s) => {
              const label = `${clockDateTime(s.start, props.clock.zone, props.clock.hour12)} · ${names.get(s.providerId) ?? ''}`;
              return (
                <Button
                  key={`${s.providerId}-${s.start}`}
                  variant="light"
                  onClick={() =>
                    props.onPick({ start: s.start, label, providerId: s.providerId, appointmentTypeId: asked?.typeId ?? null })
                  }
                >
                  {label}
                </Button>
              );
            })}
          </SimpleGrid>
        )}
      </Stack>
    </Paper>
  );
}
