/**
 * After saving time off (or a holiday, or blocked time): the booked visits it falls on, which
 * stay booked until someone acts. Each can be rescheduled (the next open times, any provider)
 * or cancelled with a reason; or all cancelled at once with one reason. The list is read again
 * after each change (GET /api/availability-exceptions/{id}/collisions).
 */
import { Alert, Button, Group, Modal, Paper, Select, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { api, unwrap } from '../../api/client.ts';
import { useSubmit } from '../../api/use-submit.ts';
import { useCan } from '../auth/use-me.ts';
import { flowKeys } from '../flow/query-keys.ts';
import { waitlistKeys } from '../waitlist/query-keys.ts';
import { CANCEL_REASONS, type CancelReason } from './AppointmentModal.tsx';
import { useMoveAppointment } from './hooks.ts';
import { NextTimes } from './NextTimes.tsx';
import { scheduleKeys } from './query-keys.ts';
import { type Appointment, type ExceptionCreated, providerName, useLocationClock, useProviders } from './schedule-api.ts';
import { clockDateTime } from './zoned-time.ts';

const cancelled = [
  scheduleKeys.appointmentLists(),
  scheduleKeys.availabilitySearches(),
  flowKeys.boards(),
  waitlistKeys.entryLists(),
  waitlistKeys.reports(),
];

export function TimeOffCollisions(props: { saved: ExceptionCreated; locationId: string; onDone(): void }) {
  const { saved } = props;
  const can = useCan();
  const clock = useLocationClock(props.locationId);
  const providers = useProviders();
  const names = new Map((providers.data ?? []).map((p) => [p.id, providerName(p)]));
  const label = (id: string) => names.get(id) ?? '';
  const list = useQuery({
    queryKey: scheduleKeys.collisions(saved.id),
    queryFn: () => unwrap(api.GET('/api/availability-exceptions/{id}/collisions', { params: { path: { id: saved.id } } })),
    initialData: { items: saved.collisions, nextCursor: null, truncated: saved.collisionsTruncated },
    staleTime: 0,
  });
  const move = useMoveAppointment(clock);
  const [rescheduling, setRescheduling] = useState<Appointment | null>(null);
  const [cancelling, setCancelling] = useState<string | null>(null);
  const [reason, setReason] = useState<CancelReason | null>(null);
  const [note, setNote] = useState('');
  const [allReason, setAllReason] = useState<CancelReason | null>(null);
  const [allNote, setAllNote] = useState('');
  const [confirmAll, setConfirmAll] = useState(false);
  const visits = list.data.items;
  const mayWrite = can('appointment:write');

  const cancelOne = useSubmit(
    (id: string, body: { reason: CancelReason; note?: string }) =>
      api.POST('/api/appointments/{id}/cancel', { params: { path: { id } }, body }),
    {
      invalidate: cancelled,
      onSuccess: () => {
        setCancelling(null);
        setReason(null);
        setNote('');
      },
    },
  );
  const cancelAll = useSubmit(
    async (ids: string[], body: { reason: CancelReason; note?: string }) => {
      // One by one: each cancellation is its own change (and its own offer to the waiting list).
      let last: Awaited<ReturnType<typeof cancelOneCall>> | null = null;
      for (const id of ids) {
        last = await cancelOneCall(id, body);
        if (!last.response.ok) return last;
      }
      return last ?? { data: undefined, error: undefined, response: new Response(null, { status: 204 }) };
    },
    { invalidate: cancelled, onSuccess: () => setConfirmAll(false) },
  );
  if (!clock) return null;
  const noteOk = (r: CancelReason | null, n: string) => r !== null && (r !== 'other' || n.trim() !== '');
  const body = (r: CancelReason, n: string) => ({ reason: r, ...(n.trim() ? { note: n.trim() } : {}) });

  return (
    <Paper withBorder p="sm" data-testid="time-off-collisions">
      <Stack gap="xs">
        <Title order={3} size="h5">
          {visits.length === 0
            ? 'No booked visits fall on this time'
            : `${visits.length} booked ${visits.length === 1 ? 'visit falls' : 'visits fall'} on this time`}
        </Title>
        {visits.length > 0 && <Text size="sm">They stay booked until you move or cancel them. Patients are not told automatically.</Text>}
        {list.data.truncated && (
          <Text size="sm" fw={600}>
            More visits fall on this time than one list shows: the rest appear as you deal with these.
          </Text>
        )}
        {(cancelOne.error || cancelAll.error) && <Alert color="red">{cancelOne.error ?? cancelAll.error}</Alert>}
        {visits.length > 0 && (
          <Table aria-label="Visits during the time off">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>When</Table.Th>
                <Table.Th>Patient</Table.Th>
                <Table.Th>Provider</Table.Th>
                <Table.Th>
                  <span className="visually-hidden">Actions</span>
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {visits.map((a) => (
                <Table.Tr key={a.id} data-appointment-id={a.id}>
                  <Table.Td>{clockDateTime(a.start, clock.zone, clock.hour12)}</Table.Td>
                  <Table.Td>
                    {a.patientName} · {a.appointmentTypeName}
                  </Table.Td>
                  <Table.Td>{label(a.providerId)}</Table.Td>
                  <Table.Td>
                    {cancelling === a.id ? (
                      <Group gap="xs" align="flex-end" wrap="nowrap">
                        <Select
                          label={`Reason for cancelling ${a.patientName}`}
                          placeholder="Choose a reason"
                          data={[...CANCEL_REASONS]}
                          value={reason}
                          onChange={(v) => setReason(v as CancelReason | null)}
                          w={190}
                        />
                        {reason === 'other' && (
                          <TextInput label="Why" value={note} onChange={(e) => setNote(e.currentTarget.value)} w={140} />
                        )}
                        <Button
                          color="red"
                          disabled={!noteOk(reason, note)}
                          loading={cancelOne.busy}
                          onClick={() => reason && void cancelOne.submit(a.id, body(reason, note))}
                        >
                          Confirm cancel
                        </Button>
                        <Button variant="default" onClick={() => setCancelling(null)}>
                          Keep
                        </Button>
                      </Group>
                    ) : (
                      !a.busy &&
                      mayWrite && (
                        <Group gap="xs" wrap="nowrap">
                          <Button size="compact-sm" onClick={() => setRescheduling(a)} aria-label={`Reschedule ${a.patientName}`}>
                            Reschedule…
                          </Button>
                          <Button
                            size="compact-sm"
                            color="red"
                            variant="light"
                            onClick={() => {
                              setCancelling(a.id);
                              setReason(null);
                            }}
                            aria-label={`Cancel ${a.patientName}`}
                          >
                            Cancel…
                          </Button>
                        </Group>
                      )
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
        {visits.length > 1 && mayWrite && (
          <Group align="flex-end" gap="xs">
            <Select
              label="Cancel all with reason"
              placeholder="Choose a reason"
              data={[...CANCEL_REASONS]}
              value={allReason}
              onChange={(v) => {
                setAllReason(v as CancelReason | null);
                setConfirmAll(false);
              }}
              w={220}
            />
            {allReason === 'other' && <TextInput label="Why" value={allNote} onChange={(e) => setAllNote(e.currentTarget.value)} />}
            {confirmAll ? (
              <>
                <Button
                  color="red"
                  loading={cancelAll.busy}
                  onClick={() =>
                    allReason &&
                    void cancelAll.submit(
                      visits.filter((v) => !v.busy).map((v) => v.id),
                      body(allReason, allNote),
                    )
                  }
                >
                  Yes, cancel all {visits.filter((v) => !v.busy).length}
                </Button>
                <Button variant="default" onClick={() => setConfirmAll(false)}>
                  Keep them
                </Button>
              </>
            ) : (
              <Button color="red" variant="light" disabled={!noteOk(allReason, allNote)} onClick={() => setConfirmAll(true)}>
                Cancel all…
              </Button>
            )}
          </Group>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={props.onDone}>
            Close
          </Button>
        </Group>
      </Stack>
      <Modal opened={rescheduling !== null} onClose={() => setRescheduling(null)} title={`Reschedule ${rescheduling?.patientName ?? ''}`}>
        {rescheduling?.appointmentTypeId && (
          <NextTimes
            clock={clock}
            locationId={rescheduling.locationId}
            appointmentTypeId={rescheduling.appointmentTypeId}
            providerId={rescheduling.providerId}
            providerIds={(providers.data ?? []).map((p) => p.id)}
            providerLabel={label}
            verb="Move to"
            onPick={async (s) => {
              const moved = await move(rescheduling, {
                start: s.start,
                providerId: s.providerId,
                note: `time off: ${saved.reason || saved.kind}`,
              });
              if (moved) {
                setRescheduling(null);
                await list.refetch();
              }
            }}
          />
        )}
      </Modal>
    </Paper>
  );
}

const cancelOneCall = (id: string, body: { reason: CancelReason; note?: string }) =>
  api.POST('/api/appointments/{id}/cancel', { params: { path: { id } }, body });
