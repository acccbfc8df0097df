/**
 * The rota of the selected location, a week at a time: each day's shifts and, in red, where the
 * coverage rules are not met. Managers assign shifts (from a template or with times) and decide
 * swap requests; anyone asks to swap a shift of their own.
 */
import { Alert, Badge, Button, Group, Loader, Modal, Select, Stack, Text, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconChevronLeft, IconChevronRight, IconPlus } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { api, unwrap } from '../../api/client.ts';
import { ListTable } from '../../app/ListTable.tsx';
import { ProblemForm } from '../../app/ProblemForm.tsx';
import { useSubmit } from '../../api/use-submit.ts';
import { usePracticeToday } from '../../app/use-practice-today.ts';
import { useSelectedLocation } from '../../app/use-selected-location.ts';
import { useCan, useCurrentUser } from '../auth/use-me.ts';
import { useLocationClock } from '../schedule/schedule-api.ts';
import { clockTime } from '../schedule/zoned-time.ts';
import { rotaKeys } from './query-keys.ts';
import { addDays, DUTY_LABELS, DUTY_OPTIONS, type Duty, dayLabel, mondayOf, type Shift, useStaffOptions } from './staff-api.ts';

export function RotaPage() {
  const can = useCan();
  const me = useCurrentUser();
  const locationId = useSelectedLocation();
  const today = usePracticeToday();
  const clock = useLocationClock(locationId);
  const [offset, setOffset] = useState(0);
  const [assigning, setAssigning] = useState(false);
  const [swapping, setSwapping] = useState<Shift | null>(null);
  const from = today ? addDays(mondayOf(today), offset * 7) : null;
  const to = from ? addDays(from, 6) : null;
  const ready = locationId !== null && from !== null && to !== null;
  const shifts = useQuery({
    queryKey: rotaKeys.shifts(locationId, from ?? ''),
    enabled: ready,
    queryFn: () =>
      unwrap(
        api.GET('/api/shifts', {
          params: { query: { locationId: locationId as string, from: from as string, to: to as string, limit: 500 } },
        }),
      ),
  });
  const gaps = useQuery({
    queryKey: rotaKeys.gaps(locationId, from ?? ''),
    enabled: ready,
    queryFn: () =>
      unwrap(
        api.GET('/api/coverage-gaps', { params: { query: { locationId: locationId as string, from: from as string, to: to as string } } }),
      ),
  });
  const manager = can('staff:manage');
  const time = (iso: string) => (clock ? clockTime(iso, clock.zone, clock.hour12) : iso.slice(11, 16));
  const days = from ? Array.from({ length: 7 }, (_, i) => addDays(from, i)) : [];
  const dayOf = (iso: string) => {
    if (!clock) return iso.slice(0, 10);
    const parts = new Intl.DateTimeFormat('en-CA', { timeZone: clock.zone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(
      new Date(iso),
    );
    return parts;
  };
  const gapsOn = (day: string) => (gaps.data?.items ?? []).filter((g) => g.date === day);
  return (
    <Stack>
      <Group justify="space-between">
        <Title order={1}>Rota</Title>
        {manager && (
          <Button leftSection={<IconPlus size={16} />} variant="default" onClick={() => setAssigning(true)}>
            Assign shift
          </Button>
        )}
      </Group>
      <Group gap="xs">
        <Button variant="default" size="compact-md" onClick={() => setOffset((o) => o - 1)} aria-label="Previous week">
          <IconChevronLeft size={16} />
        </Button>
        <Text fw={500}>{from && to ? `${dayLabel(from)} – ${dayLabel(to)}` : ''}</Text>
        <Button variant="default" size="compact-md" onClick={() => setOffset((o) => o + 1)} aria-label="Next week">
          <IconChevronRight size={16} />
        </Button>
        {offset !== 0 && (
          <Button variant="subtle" size="compact-md" onClick={() => setOffset(0)}>
            This week
          </Button>
        )}
      </Group>
      {(shifts.isPending || gaps.isPending) && <Loader aria-label="Loading the rota" />}
      {shifts.isError && <Alert color="red">{shifts.error.message}</Alert>}
      {gaps.data && gaps.data.items.length > 0 && (
        <Alert
          color="red"
          title={`${gaps.data.items.length} coverage gap${gaps.data.items.length === 1 ? '' : 's'} this week`}
          role="status"
        >
          Days with a gap are marked below.
        </Alert>
      )}
      <ListTable
        aria-label="Shifts of the week"
        data-testid="rota-week"
        minWidth={560}
        striped={false}
        rows={shifts.data && gaps.data ? days : undefined}
        rowKey={(day) => day}
        rowTestId="rota-day"
        rowProps={(day) => ({ bg: gapsOn(day).length ? 'var(--mantine-color-red-light)' : undefined })}
        columns={[
          { header: 'Day', rowHeader: true, cell: (day) => dayLabel(day) },
          {
            header: 'Shifts',
            cell: (day) => {
              const own = (shifts.data?.items ?? []).filter((s) => dayOf(s.start) === day);
              return (
                <>
                  {own.length === 0 && <Text size="sm">No shifts</Text>}
                  <Stack gap={4}>
                    {own.map((s) => (
                      <Group key={s.id} gap={6} wrap="nowrap">
                        <Text size="sm" td={s.onLeave ? 'line-through' : undefined} data-testid="rota-shift">
                          {time(s.start)}–{time(s.end)} {s.userName} · {DUTY_LABELS[s.duty]}
                        </Text>
                        {s.onLeave && (
                          <Badge size="sm" color="orange" variant="filled" data-testid="on-leave">
                            On leave
                          </Badge>
                        )}
                        {s.pendingSwapId && (
                          <Badge size="sm" color="yellow" variant="light">
                            Swap asked
                          </Badge>
                        )}
                        {s.userId === me.user.id && !s.pendingSwapId && (
                          <Button
                            size="compact-xs"
                            variant="subtle"
                            onClick={() => setSwapping(s)}
                            aria-label={`Ask to swap my shift of ${dayLabel(day)}`}
                          >
                            Swap
                          </Button>
                        )}
                      </Group>
                    ))}
                  </Stack>
                </>
              );
            },
          },
          {
            header: 'Coverage',
            cell: (day) =>
              gapsOn(day).length === 0 ? (
                <Text size="sm">Covered</Text>
              ) : (
                <Stack gap={4}>
                  {gapsOn(day).map((g) => (
                    <Text key={`${g.ruleId}-${g.start}`} size="sm" c="red.9" fw={500} data-testid="coverage-gap">
                      Gap {time(g.start)}–{time(g.end)}: {g.duties.map((d) => DUTY_LABELS[d]).join(' or ')} {g.have}/{g.need}
                      {g.label ? ` (${g.label})` : ''}
                    </Text>
                  ))}
                </Stack>
              ),
          },
        ]}
      />
      <SwapRequests locationId={locationId} manager={manager} />
      <Modal opened={assigning} onClose={() => setAssigning(false)} title="Assign a shift">
        {assigning && locationId && (
          <AssignShiftForm locationId={locationId} defaultDate={from ?? ''} onSaved={() => setAssigning(false)} />
        )}
      </Modal>
      <Modal opened={swapping !== null} onClose={() => setSwapping(null)} title="Ask to swap this shift">
        {swapping && <SwapForm shift={swapping} onSaved={() => setSwapping(null)} />}
      </Modal>
    </Stack>
  );
}

function SwapRequests(props: { locationId: string | null; manager: boolean }) {
  const me = useCurrentUser();
  const swaps = useQuery({
    queryKey: rotaKeys.swaps(props.locationId),
    enabled: props.locationId !== null,
    queryFn: () => unwrap(api.GET('/api/swap-requests', { params: { query: { locationId: props.locationId as string } } })),
  });
  const decide = useSubmit(
    (id: string, decision: 'approve' | 'deny') =>
      api.POST('/api/swap-requests/{id}/decision', { params: { path: { id } }, body: { decision } }),
    {
      invalidate: [rotaKeys.week()],
      onSuccess: (s) =>
        notifications.show({
          color: 'green',
          message: s.status === 'approved' ? `Swap approved: ${s.toUserName} takes the shift` : 'Swap denied',
        }),
    },
  );
  if (!swaps.data || swaps.data.items.length === 0) return null;
  return (
    <Stack gap="xs">
      <Title order={2} size="h3">
        Swap requests
      </Title>
      {decide.error && (
        <Alert color="red" role="alert">
          {decide.error}
        </Alert>
      )}
      {swaps.data.items.map((w) => (
        <Group key={w.id} justify="space-between" data-testid="swap-request">
          <Text size="sm">
            {w.requestedByName} → {w.toUserName}: {dayLabel(w.shift.start.slice(0, 10))} {DUTY_LABELS[w.shift.duty]}
            {w.note ? ` (${w.note})` : ''}
          </Text>
          {props.manager && w.requestedBy !== me.user.id && w.toUserId !== me.user.id && (
            <Group gap="xs">
              <Button size="compact-sm" onClick={() => void decide.submit(w.id, 'approve')}>
                Approve
              </Button>
              <Button size="compact-sm" variant="default" onClick={() => void decide.submit(w.id, 'deny')}>
                Deny
              </Button>
            </Group>
          )}
        </Group>
      ))}
    </Stack>
  );
}

function AssignShiftForm(props: { locationId: string; defaultDate: string; onSaved(): void }) {
  const [userId, setUserId] = useState<string | null>(null);
  const [templateId, setTemplateId] = useState<string | null>(null);
  const [date, setDate] = useState(props.defaultDate);
  const [duty, setDuty] = useState<Duty>('front_desk');
  const [start, setStart] = useState('08:00');
  const [end, setEnd] = useState('17:00');
  const staff = useStaffOptions();
  const templates = useQuery({
    queryKey: rotaKeys.templates(props.locationId),
    queryFn: () => unwrap(api.GET('/api/shift-templates', { params: { query: { locationId: props.locationId } } })),
  });
  const saving = useSubmit(
    () =>
      api.POST('/api/shifts', {
        body: templateId
          ? { userId: userId ?? '', locationId: props.locationId, templateId, date }
          : {
              userId: userId ?? '',
              locationId: props.locationId,
              duty,
              start: `${date}T${start}`,
              end: `${end <= start ? addDays(date, 1) : date}T${end}`,
            },
      }),
    {
      invalidate: [rotaKeys.week()],
      onSuccess: (s) => {
        notifications.show({ color: 'green', message: `Shift assigned to ${s.userName}` });
        props.onSaved();
      },
    },
  );
  return (
    <ProblemForm saving={saving} submitLabel="Assign">
      <Select
        label="Who"
        data={staff}
        value={userId}
        onChange={setUserId}
        searchable
        required
        error={saving.errors.userId}
        data-autofocus
      />
      <TextInput
        type="date"
        label="Day"
        value={date}
        onChange={(e) => setDate(e.currentTarget.value)}
        required
        error={saving.errors.date ?? saving.errors.start}
      />
      <Select
        label="Shift template"
        placeholder="None: set the duty and times"
        data={(templates.data?.items ?? []).map((t) => ({ value: t.id, label: `${t.name} (${t.startTime}–${t.endTime})` }))}
        value={templateId}
        onChange={setTemplateId}
        clearable
        error={saving.errors.templateId}
      />
      {!templateId && (
        <Group grow align="flex-start">
          <Select
            label="Duty"
            data={DUTY_OPTIONS}
            value={duty}
            onChange={(v) => v && setDuty(v as Duty)}
            allowDeselect={false}
            error={saving.errors.duty}
          />
          <TextInput type="time" label="Starts" value={start} onChange={(e) => setStart(e.currentTarget.value)} />
          <TextInput type="time" label="Ends" value={end} onChange={(e) => setEnd(e.currentTarget.value)} error={saving.errors.end} />
        </Group>
      )}
    </ProblemForm>
  );
}

function SwapForm(props: { shift: Shift; onSaved(): void }) {
  const me = useCurrentUser();
  const [toUserId, setToUserId] = useState<string | null>(null);
  const [note, setNote] = useState('');
  const staff = useStaffOptions().filter((o) => o.value !== me.user.id);
  const saving = useSubmit(
    () =>
      api.POST('/api/shifts/{id}/swap-requests', { params: { path: { id: props.shift.id } }, body: { toUserId: toUserId ?? '', note } }),
    {
      invalidate: [rotaKeys.week()],
      onSuccess: () => {
        notifications.show({ color: 'green', message: 'Swap requested: a manager will decide' });
        props.onSaved();
      },
    },
  );
  return (
    <ProblemForm saving={saving} submitLabel="Ask to swap">
      <Select
        label="Colleague who takes it"
        data={staff}
        value={toUserId}
        onChange={setToUserId}
        searchable
        required
        error={saving.errors.toUserId}
        data-autofocus
      />
      <TextInput label="Note" value={note} onChange={(e) => setNote(e.currentTarget.value)} maxLength={500} />
    </ProblemForm>
  );
}
