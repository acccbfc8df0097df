/** The schedule: calendar by provider, by room or by week at the selected location, on that location's clock. */
import { Alert, Group, Loader, Stack, Text, Title } from '@mantine/core';
import { useMemo, useState } from 'react';
import { useSelectedLocation } from '../../app/use-selected-location.ts';
import { useCan } from '../auth/use-me.ts';
import { AppointmentModal } from './AppointmentModal.tsx';
import { BookAppointmentModal, type BookingDraft } from './BookAppointmentModal.tsx';
import { NextAvailable } from './NextAvailable.tsx';
import { type CalendarMode, ScheduleCalendar } from './ScheduleCalendar.tsx';
import { ScheduleToolbar } from './ScheduleToolbar.tsx';
import { useMoveAppointment } from './hooks.ts';
import {
  type Appointment,
  providerName,
  useAppointments,
  useAppointmentTypes,
  useLocationProviders,
  useLocationZone,
  useRooms,
} from './schedule-api.ts';
import { todayIn, wallDay, wallLocal } from './zoned-time.ts';

const HOUR_MS = 3_600_000;

function addDays(d: Date, n: number): Date {
  return new Date(d.getFullYear(), d.getMonth(), d.getDate() + n);
}

export function SchedulePage() {
  const locationId = useSelectedLocation();
  const zone = useLocationZone(locationId);
  const can = useCan();
  const [mode, setMode] = useState<CalendarMode>('providers');
  const [picked, setPicked] = useState<Date | null>(null);
  const [weekProvider, setWeekProvider] = useState<string | null>(null);
  const [draft, setDraft] = useState<BookingDraft | null>(null);
  const [opened, setOpened] = useState<Appointment | null>(null);
  const date = picked ?? (zone ? todayIn(zone) : new Date());
  const types = useAppointmentTypes();
  const providers = useLocationProviders(locationId);
  const rooms = useRooms(locationId);
  // Wall dates are off from instants by at most the zone offset: fetch a padded window, the grid shows its day or week.
  const [from, to] = useMemo(() => {
    const first = mode === 'week' ? addDays(date, -date.getDay()) : date;
    const days = mode === 'week' ? 7 : 1;
    return [new Date(first.getTime() - 26 * HOUR_MS), new Date(addDays(first, days).getTime() + 26 * HOUR_MS)];
  }, [date, mode]);
  const appointments = useAppointments(locationId, from, to);
  const move = useMoveAppointment(zone);

  const weekProviderId = weekProvider ?? providers[0]?.id ?? null;
  const shown = (appointments.data ?? []).filter((a) => mode !== 'week' || a.providerId === weekProviderId);
  const names = new Map(providers.map((p) => [p.id, providerName(p)]));
  const day = wallDay(date);
  const printHref = `/api/schedule/print?${new URLSearchParams({ date: day, locationId: locationId ?? '', ...(mode === 'week' && weekProviderId ? { providerId: weekProviderId } : {}) })}`;

  const heading = (
    <Group justify="space-between" align="baseline">
      <Title order={1}>Schedule</Title>
      {zone && (
        <Text size="sm" c="dimmed" data-testid="schedule-zone">
          Times in {zone}
        </Text>
      )}
    </Group>
  );
  if (!locationId || !zone)
    return (
      <Stack gap="sm">
        {heading}
        <Loader aria-label="Loading" />
      </Stack>
    );
  return (
    <Stack gap="sm">
      {heading}
      <ScheduleToolbar
        label={date.toLocaleDateString('en-US', { weekday: 'long', year: 'numeric', month: 'long', day: 'numeric' })}
        mode={mode}
        onMode={setMode}
        onStep={(n) => setPicked(n === 'today' ? null : addDays(date, n))}
        providers={providers}
        weekProviderId={weekProviderId}
        onWeekProvider={setWeekProvider}
        printHref={printHref}
        canManage={can('schedule:manage')}
      />
      {can('appointment:write') && (
        <NextAvailable locationId={locationId} zone={zone} types={types.data ?? []} providers={providers} onPick={setDraft} />
      )}
      {appointments.isError && <Alert color="red">{appointments.error.message}</Alert>}
      <ScheduleCalendar
        mode={mode}
        date={date}
        zone={zone}
        appointments={shown}
        types={types.data ?? []}
        providers={providers}
        rooms={(rooms.data ?? []).filter((r) => r.locationId === locationId)}
        onNavigate={setPicked}
        onSelectSlot={({ start, resourceId }) => {
          if (!can('appointment:write')) return;
          setDraft({
            start: wallLocal(start),
            label: `${start.toLocaleDateString('en-US', { weekday: 'short', month: 'short', day: 'numeric' })}, ${wallLocal(start).slice(11)}`,
            providerId: mode === 'providers' ? resourceId : mode === 'week' ? weekProviderId : null,
            appointmentTypeId: null,
          });
        }}
        onOpen={setOpened}
        onMove={(a, start, providerId) => void move(a, start, providerId)}
      />
      <BookAppointmentModal
        draft={draft}
        locationId={locationId}
        types={types.data ?? []}
        providers={providers}
        onClose={() => setDraft(null)}
      />
      <AppointmentModal appointment={opened} zone={zone} providerLabel={(id) => names.get(id) ?? ''} onClose={() => setOpened(null)} />
    </Stack>
  );
}
