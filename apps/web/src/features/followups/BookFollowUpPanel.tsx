/**
 * Booking a follow-up in three interactions: the worklist's "Book" opens this panel with the
 * open-slot search already filled in from the request (patient, appointment type, provider,
 * the due date's week at the follow-up's location); a click on a time selects it; "Book" books
 * it (POST /api/follow-ups/{id}/book, which marks the follow-up booked in the same
 * transaction). Type, provider and week can still be changed. A time taken meanwhile answers
 * 409 SLOT_TAKEN: the times are searched again and the selection cleared.
 */
import { Alert, Button, Group, Loader, Select, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { IconChevronLeft, IconChevronRight } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { api, unwrap } from '../../api/client.ts';
import { useSubmit } from '../../api/use-submit.ts';
import { flowKeys } from '../flow/query-keys.ts';
import { scheduleKeys } from '../schedule/query-keys.ts';
import { providerName, type Slot, useAppointmentTypes, useLocationClocks, useProviders } from '../schedule/schedule-api.ts';
import { clockDateTime, clockTime } from '../schedule/zoned-time.ts';
import { ANY_PROVIDER, ProviderSelect } from './fields.tsx';
import { addDays, type FollowUp, laterDate, longDate, mondayOf, todayOn } from './followups-api.ts';
import { followupKeys } from './query-keys.ts';

const HOUR = 3_600_000;
/** How far one search looks: the chosen week and two more, so an empty week can step to the next open one. */
const SEARCH_DAYS = 21;

/** Three weeks from the given Monday, widened by a day's worth of time zones; slots are then kept by their location's date. */
function searchRange(monday: string): { from: string; to: string } {
  const from = Math.max(Date.now(), Date.parse(`${monday}T00:00:00Z`) - 14 * HOUR);
  const to = Date.parse(`${addDays(monday, SEARCH_DAYS)}T00:00:00Z`) + 14 * HOUR;
  return { from: new Date(from).toISOString(), to: new Date(Math.max(to, from + HOUR)).toISOString() };
}

export function BookFollowUpPanel(props: { followUp: FollowUp; onBooked(f: FollowUp): void }) {
  const fu = props.followUp;
  const clocks = useLocationClocks();
  const clock = clocks.get(fu.locationId) ?? null;
  const types = useAppointmentTypes();
  const providers = useProviders();
  const today = todayOn(clock?.zone);
  const [typeId, setTypeId] = useState<string | null>(fu.appointmentTypeId);
  const [providerId, setProviderId] = useState<string>(fu.providerId ?? ANY_PROVIDER);
  const [monday, setMonday] = useState(() => mondayOf(laterDate(fu.dueDate, today)));
  /** Whether the person moved between weeks (until then, an empty due week shows the next open one). */
  const [navigated, setNavigated] = useState(false);
  const [selected, setSelected] = useState<Slot | null>(null);
  const providerNames = new Map((providers.data ?? []).map((p) => [p.id, providerName(p)]));

  const slots = useQuery({
    queryKey: scheduleKeys.availabilitySearch({ followUpId: fu.id, typeId, providerId, monday }),
    enabled: typeId !== null && clock !== null,
    queryFn: async () => {
      const page = await unwrap(
        api.GET('/api/availability', {
          params: {
            query: {
              appointmentTypeId: typeId ?? '',
              providerId: providerId === ANY_PROVIDER ? [] : [providerId],
              locationId: [fu.locationId],
              ...searchRange(monday),
              limit: 800,
            },
          },
        }),
      );
      const zone = clock?.zone ?? 'UTC';
      return page.items.map((s) => ({ ...s, day: new Date(s.start).toLocaleDateString('en-CA', { timeZone: zone }) }));
    },
  });
  // The week shown: the chosen one; before any navigation, the first week with open time.
  const firstOpen = slots.data?.find((s) => s.day >= monday)?.day;
  const shown =
    !navigated && firstOpen && !slots.data?.some((s) => s.day >= monday && s.day <= addDays(monday, 6)) ? mondayOf(firstOpen) : monday;
  const week = (slots.data ?? []).filter((s) => s.day >= shown && s.day <= addDays(shown, 6));
  const goTo = (next: string) => {
    setMonday(next);
    setNavigated(true);
    setSelected(null);
  };

  const booking = useSubmit(
    (slot: Slot) =>
      api.POST('/api/follow-ups/{id}/book', {
        params: { path: { id: fu.id } },
        body: {
          startsAt: slot.start,
          providerId: slot.providerId,
          locationId: slot.locationId,
          ...(typeId ? { appointmentTypeId: typeId } : {}),
        },
      }),
    {
      // The follow-up leaves the worklist for the calendar (and the day's board); its time is no longer open.
      invalidate: [followupKeys.followUpLists(), scheduleKeys.appointmentLists(), scheduleKeys.availabilitySearches(), flowKeys.boards()],
      onSuccess: (data) => props.onBooked(data),
      onProblem: (problem) => {
        if (problem.code !== 'SLOT_TAKEN') return problem.detail;
        setSelected(null);
        void slots.refetch();
        return 'That time was just taken. Pick another.';
      },
    },
  );

  const zone = clock?.zone ?? 'UTC';
  const hour12 = clock?.hour12 ?? false;
  const days = new Map<string, Slot[]>();
  for (const s of week) days.set(s.day, [...(days.get(s.day) ?? []), s]);
  const keyOf = (s: Slot) => `${s.providerId}|${s.start}`;
  const canGoBack = shown > mondayOf(today);

  return (
    <Stack gap="sm">
      <Text size="sm">
        {fu.patientName}, due {longDate(fu.dueDate)} at {fu.locationName}
        {fu.note ? ` · ${fu.note}` : ''}
      </Text>
      <Group grow align="flex-end">
        <Select
          label="Appointment type"
          placeholder="Choose a type"
          data={(types.data ?? []).map((t) => ({ value: t.id, label: t.name }))}
          value={typeId}
          onChange={(v) => {
            setTypeId(v);
            setSelected(null);
          }}
          allowDeselect={false}
        />
        <ProviderSelect
          value={providerId}
          onChange={(v) => {
            setProviderId(v);
            setSelected(null);
          }}
        />
      </Group>
      <Group justify="space-between">
        <Button
          variant="subtle"
          size="compact-sm"
          leftSection={<IconChevronLeft size={14} />}
          disabled={!canGoBack}
          onClick={() => goTo(addDays(shown, -7))}
        >
          Previous week
        </Button>
        <Title order={3} size="h5" aria-live="polite">
          Week of {longDate(shown)}
          {shown !== mondayOf(laterDate(fu.dueDate, today)) && !navigated ? ' (the first with open time)' : ''}
        </Title>
        <Button variant="subtle" size="compact-sm" rightSection={<IconChevronRight size={14} />} onClick={() => goTo(addDays(shown, 7))}>
          Next week
        </Button>
      </Group>
      {typeId === null && <Text size="sm">Choose an appointment type to see open times.</Text>}
      {slots.isFetching && <Loader size="sm" aria-label="Looking for open times" />}
      {slots.isError && <Alert color="red">{slots.error.message}</Alert>}
      {slots.data?.length === 0 && !slots.isFetching && (
        <Text size="sm">No open time this week. Try the next week or another provider.</Text>
      )}
      {days.size > 0 && (
        <SimpleGrid cols={{ base: 2, sm: 3, md: 5 }} spacing="xs" data-testid="follow-up-slots" role="group" aria-label="Open times">
          {[...days].map(([day, list]) => (
            <Stack key={day} gap={4}>
              <Text size="sm" fw={600}>
                {longDate(day).replace(/, \d{4}$/, '')}
              </Text>
              {list.map((s) => {
                const on = selected !== null && keyOf(selected) === keyOf(s);
                const who = providerNames.get(s.providerId) ?? 'provider';
                return (
                  <Button
                    key={keyOf(s)}
                    size="compact-sm"
                    variant={on ? 'filled' : 'default'}
                    aria-pressed={on}
                    aria-label={`${clockDateTime(s.start, zone, hour12)} with ${who}`}
                    onClick={() => setSelected(on ? null : s)}
                  >
                    {clockTime(s.start, zone, hour12)}
                    {providerId === ANY_PROVIDER ? ` · ${who.split(' ')[1] ?? who}` : ''}
                  </Button>
                );
              })}
            </Stack>
          ))}
        </SimpleGrid>
      )}
      {booking.error && (
        <Alert color="red" role="alert">
          {booking.error}
        </Alert>
      )}
      <Group justify="flex-end">
        <Button disabled={selected === null} loading={booking.busy} onClick={() => selected && void booking.submit(selected)}>
          {selected ? `Book ${clockDateTime(selected.start, zone, hour12)}` : 'Book'}
        </Button>
      </Group>
    </Stack>
  );
}
