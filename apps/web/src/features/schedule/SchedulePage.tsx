/**
 * The schedule: calendar by provider, by room or by week at the selected location, on that
 * location's clock. Keys (registered with the shell's shortcuts, shown by `?`): t today, n / p
 * next and previous day (week in the week view), d day by provider, r day by room, w week.
 */
import { Alert, Button, Group, Loader, Modal, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useSearchParams } from 'react-router';
import { useShortcuts } from '../../app/shortcuts.ts';
import { useSelectedLocation } from '../../app/use-selected-location.ts';
import { useCan } from '../auth/use-me.ts';
import { patientQuery } from '../patients/patients-api.ts';
import { AppointmentModal } from './AppointmentModal.tsx';
import { BookAppointmentModal, type BookingDraft } from './BookAppointmentModal.tsx';
import { MoveConfirmModal, needsConfirmation, type PendingMove } from './MoveConfirmModal.tsx';
import { NextAvailable } from './NextAvailable.tsx';
import { type CalendarMode, ScheduleCalendar } from './ScheduleCalendar.tsx';
import { ScheduleToolbar } from './ScheduleToolbar.tsx';
import { useMoveAppointment } from './hooks.ts';
import {
  type Appointment,
  providerName,
  useAppointments,
  useAppointmentTypes,
  useExceptionWindow,
  useLocationClock,
  useLocationProviders,
  useRooms,
  useTemplates,
} from './schedule-api.ts';
import { clockTime, todayIn, wallDay, wallLocal, wallTime } from './zoned-time.ts';

const HOUR_MS = 3_600_000;

function addDays(d: Date, n: number): Date {
  return new Date(d.getFullYear(), d.getMonth(), d.getDate() + n);
}

export function SchedulePage() {
  const locationId = useSelectedLocation();
  const clock = useLocationClock(locationId);
  const zone = clock?.zone ?? null;
  const can = useCan();
  const [mode, setMode] = useState<CalendarMode>('providers');
  // Deep links: `?date=YYYY-MM-DD` opens that day (home page tiles); `?bookFor=<patient id>`
  // books for that patient (the chart's "Book follow-up"): every time picked opens the booking
  // form with the patient already chosen, until the banner is closed.
  const [params, setParams] = useSearchParams();
  const [picked, setPicked] = useState<Date | null>(() => {
    const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(params.get('date') ?? '');
    return m ? new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3])) : null;
  });
  const bookFor = params.get('bookFor');
  const forPatient = useQuery({ ...patientQuery(bookFor ?? ''), enabled: bookFor !== null });
  const preset = forPatient.data
    ? { id: forPatient.data.id, name: `${forPatient.data.givenName} ${forPatient.data.familyName}`, birthDate: forPatient.data.birthDate }
    : undefined;
  const withPatient = (d: BookingDraft): BookingDraft => (preset && !d.patient ? { ...d, patient: preset } : d);
  const stopBookingFor = () =>
    setParams((p) => {
      p.delete('bookFor');
      return p;
    });
  const [weekProvider, setWeekProvider] = useState<string | null>(null);
  const [draft, setDraft] = useState<BookingDraft | null>(null);
  const [opened, setOpened] = useState<Appointment | null>(null);
  const [stack, setStack] = useState<Appointment[] | null>(null);
  const [pending, setPending] = useState<PendingMove | null>(null);
  const date = picked ?? (zone ? todayIn(zone) : new Date());
  const types = useAppointmentTypes();
  const providers = useLocationProviders(locationId);
  const rooms = useRooms(locationId);
  const templates = useTemplates(locationId);
  // Wall dates are off from instants by at most the zone offset: fetch a padded window, the grid shows its day or week.
  const [first, days] = useMemo(() => [mode === 'week' ? addDays(date, -date.getDay()) : date, mode === 'week' ? 7 : 1], [date, mode]);
  const [from, to] = useMemo(
    () => [new Date(first.getTime() - 26 * HOUR_MS), new Date(addDays(first, days).getTime() + 26 * HOUR_MS)],
    [first, days],
  );
  const appointments = useAppointments(locationId, from, to);
  const exceptions = useExceptionWindow(locationId, wallDay(first), wallDay(addDays(first, days - 1)));
  const move = useMoveAppointment(clock);

  const step = mode === 'week' ? 7 : 1;
  // The page's keys, through the shell's registry (they also show in the `?` help).
  useShortcuts('Schedule', [
    { keys: ['t'], label: 'Go to today', run: () => setPicked(null) },
    { keys: ['n'], label: mode === 'week' ? 'Next week' : 'Next day', run: () => setPicked(addDays(date, step)) },
    { keys: ['p'], label: mode === 'week' ? 'Previous week' : 'Previous day', run: () => setPicked(addDays(date, -step)) },
    { keys: ['d'], label: 'Day view by provider', run: () => setMode('providers') },
    { keys: ['r'], label: 'Day view by room', run: () => setMode('rooms') },
    { keys: ['w'], label: 'Week view', run: () => setMode('week') },
    { keys: ['ArrowLeft', 'ArrowRight'], label: 'On a visit: the previous or next visit' },
    { keys: ['Enter'], label: 'On a visit: open it' },
  ]);

  const weekProviderId = weekProvider ?? providers[0]?.id ?? null;
  const shown = (appointments.data ?? []).filter((a) => mode !== 'week' || a.providerId === weekProviderId);
  const names = new Map(providers.map((p) => [p.id, providerName(p)]));
  const label = (id: string) => names.get(id) ?? '';
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
  if (!locationId || !clock || !zone)
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
      {bookFor && (
        <Alert
          color="blue"
          title="Booking a follow-up"
          data-testid="booking-for"
          withCloseButton
          onClose={stopBookingFor}
          closeButtonLabel="Stop booking for this patient"
        >
          {forPatient.isError
            ? forPatient.error.message
            : preset
              ? `For ${preset.name}: pick a time below (next available) or click a free time on the calendar.`
              : 'Loading the patient…'}
        </Alert>
      )}
      {can('appointment:write') && (
        <NextAvailable
          locationId={locationId}
          clock={clock}
          types={types.data ?? []}
          providers={providers}
          onPick={(d) => setDraft(withPatient(d))}
        />
      )}
      {appointments.isError && <Alert color="red">{appointments.error.message}</Alert>}
      <ScheduleCalendar
        mode={mode}
        date={date}
        clock={clock}
        locationId={locationId}
        appointments={shown}
        types={types.data ?? []}
        providers={providers}
        rooms={(rooms.data ?? []).filter((r) => r.locationId === locationId)}
        templates={templates.data ?? []}
        exceptions={exceptions.data ?? []}
        weekProviderId={weekProviderId}
        onNavigate={setPicked}
        onSelectSlot={({ start, resourceId }) => {
          if (!can('appointment:write')) return;
          setDraft(
            withPatient({
              start: wallLocal(start),
              label: `${start.toLocaleDateString('en-US', { weekday: 'short', month: 'short', day: 'numeric' })}, ${wallTime(start, clock.hour12)}`,
              providerId: mode === 'providers' ? resourceId : mode === 'week' ? weekProviderId : null,
              appointmentTypeId: null,
            }),
          );
        }}
        onOpen={setOpened}
        onOpenStack={setStack}
        onMove={(a, start, providerId) => {
          const next: PendingMove = { appointment: a, start, providerId };
          // Another provider or another day: ask first. Same day, same provider: move now (Undo in the notice).
          if (needsConfirmation(next, zone)) setPending(next);
          else void move(a, { start, providerId });
        }}
      />
      <MoveConfirmModal
        move={pending}
        clock={clock}
        providerLabel={label}
        onCancel={() => setPending(null)}
        onConfirm={(note) => {
          if (pending) void move(pending.appointment, { start: pending.start, providerId: pending.providerId, note });
          setPending(null);
        }}
      />
      <BookAppointmentModal
        draft={draft}
        locationId={locationId}
        types={types.data ?? []}
        providers={providers}
        onClose={() => setDraft(null)}
      />
      <Modal opened={stack !== null} onClose={() => setStack(null)} title="Visits at the same time in this room">
        <Stack gap="xs" data-testid="room-stack">
          {(stack ?? []).map((a) => (
            <Button
              key={a.id}
              variant="light"
              justify="flex-start"
              disabled={a.busy}
              onClick={() => {
                setStack(null);
                setOpened(a);
              }}
            >
              {clockTime(a.start, zone, clock.hour12)} · {a.patientName} · {a.appointmentTypeName} · {label(a.providerId)}
            </Button>
          ))}
        </Stack>
      </Modal>
      <AppointmentModal
        appointment={opened}
        clock={clock}
        locationId={locationId}
        providerIds={providers.map((p) => p.id)}
        providerLabel={label}
        onClose={() => setOpened(null)}
        onMove={move}
        onRebook={(d) => {
          setOpened(null);
          setDraft(d);
        }}
      />
    </Stack>
  );
}
