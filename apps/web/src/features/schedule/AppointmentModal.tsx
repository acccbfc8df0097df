/**
 * One appointment opened from the calendar: who (chart link, phone), when, what, where it
 * stands. Reschedule from the keyboard (the next open times, not only drag). Cancel asks for
 * the reason (no default) and a confirmation, then offers to rebook the patient or give the
 * freed time to someone on the waiting list.
 */
import { Alert, Anchor, Badge, Button, Group, Modal, Select, Stack, Table, Text, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import { api } from '../../api/client.ts';
import { useSubmit } from '../../api/use-submit.ts';
import { displayPhone } from '../../app/format-phone.ts';
import { useCan } from '../auth/use-me.ts';
import { NOTE_VISIT_STATUSES, StartNoteButton } from '../encounters/StartNoteButton.tsx';
import { flowKeys } from '../flow/query-keys.ts';
import { patientQuery } from '../patients/patients-api.ts';
import { waitlistKeys } from '../waitlist/query-keys.ts';
import type { BookingDraft } from './BookAppointmentModal.tsx';
import type { MoveTarget } from './hooks.ts';
import { NextTimes } from './NextTimes.tsx';
import { scheduleKeys } from './query-keys.ts';
import type { Appointment, LocationClock } from './schedule-api.ts';
import { STATUS_LABELS } from './status-style.ts';
import { WaitlistOffer } from './WaitlistOffer.tsx';
import { clockDateTime, clockTime } from './zoned-time.ts';

export const CANCEL_REASONS = [
  { value: 'patient', label: 'Patient asked' },
  { value: 'clinic', label: 'Clinic' },
  { value: 'provider', label: 'Provider unavailable' },
  { value: 'weather', label: 'Weather' },
  { value: 'other', label: 'Other (say why)' },
] as const;
export type CancelReason = (typeof CANCEL_REASONS)[number]['value'];

type Stage = 'view' | 'reschedule' | 'cancel' | 'cancelled' | 'rebook' | 'waitlist';

export interface AppointmentModalProps {
  appointment: Appointment | null;
  clock: LocationClock;
  locationId: string;
  providerIds: string[];
  providerLabel(id: string): string;
  onClose(): void;
  onMove(a: Appointment, target: MoveTarget): Promise<Appointment | null>;
  onRebook(draft: BookingDraft): void;
}

export function AppointmentModal(props: AppointmentModalProps) {
  const a = props.appointment;
  return (
    <Modal opened={a !== null} onClose={props.onClose} title={a ? a.patientName : ''} size="lg">
      {a && <AppointmentDetails key={a.id} {...props} appointment={a} />}
    </Modal>
  );
}

function AppointmentDetails(props: AppointmentModalProps & { appointment: Appointment }) {
  const { clock } = props;
  const can = useCan();
  const [a, setA] = useState(props.appointment);
  const [stage, setStage] = useState<Stage>('view');
  const [reason, setReason] = useState<CancelReason | null>(null);
  const [note, setNote] = useState('');
  const [moving, setMoving] = useState(false);
  const patient = useQuery({ ...patientQuery(a.patientId ?? ''), enabled: a.patientId !== null && can('patient:read') });
  const phone = patient.data?.phones[0];
  const active = a.status === 'scheduled' || a.status === 'confirmed';
  const mayWrite = can('appointment:write');

  const cancelling = useSubmit(
    (id: string, body: { reason: CancelReason; note?: string }) =>
      api.POST('/api/appointments/{id}/cancel', { params: { path: { id } }, body }),
    {
      // The freed time is open again and offered to the waiting list (in the same transaction).
      invalidate: [
        scheduleKeys.appointmentLists(),
        scheduleKeys.availabilitySearches(),
        flowKeys.boards(),
        waitlistKeys.entryLists(),
        waitlistKeys.reports(),
      ],
      onSuccess: (data) => {
        setA(data);
        setStage('cancelled');
      },
    },
  );
  const noteNeeded = reason === 'other' && note.trim() === '';

  const reschedule = async (target: MoveTarget) => {
    setMoving(true);
    const moved = await props.onMove(a, target);
    setMoving(false);
    if (moved) props.onClose();
  };

  return (
    <Stack>
      <Table>
        <Table.Tbody>
          <Table.Tr>
            <Table.Th scope="row">When</Table.Th>
            <Table.Td data-testid="appointment-when">
              {clockDateTime(a.start, clock.zone, clock.hour12)} to {clockTime(a.end, clock.zone, clock.hour12)}
            </Table.Td>
          </Table.Tr>
          <Table.Tr>
            <Table.Th scope="row">Type</Table.Th>
            <Table.Td>{a.appointmentTypeName}</Table.Td>
          </Table.Tr>
          <Table.Tr>
            <Table.Th scope="row">Provider</Table.Th>
            <Table.Td>{props.providerLabel(a.providerId)}</Table.Td>
          </Table.Tr>
          <Table.Tr>
            <Table.Th scope="row">Status</Table.Th>
            <Table.Td>
              <Badge data-testid="appointment-status" variant={a.status === 'cancelled' ? 'outline' : 'filled'}>
                {a.status.replace('_', ' ')}
              </Badge>
              {a.cancelReason && (
                <Text span size="sm" ml="xs">
                  ({CANCEL_REASONS.find((r) => r.value === a.cancelReason)?.label}
                  {a.cancelNote ? `: ${a.cancelNote}` : ''})
                </Text>
              )}
            </Table.Td>
          </Table.Tr>
          {a.patientId && (
            <Table.Tr>
              <Table.Th scope="row">Patient</Table.Th>
              <Table.Td>
                <Group gap="md">
                  <Anchor component={Link} to={`/patients?${new URLSearchParams({ id: a.patientId })}`} data-testid="chart-link">
                    Open chart
                  </Anchor>
                  {phone ? (
                    <Anchor href={`tel:${phone.number}`} data-testid="patient-phone">
                      {displayPhone(phone.number)} ({phone.type})
                    </Anchor>
                  ) : (
                    patient.data && (
                      <Text span c="dimmed" size="sm">
                        No phone on file
                      </Text>
                    )
                  )}
                </Group>
              </Table.Td>
            </Table.Tr>
          )}
          {a.notes && (
            <Table.Tr>
              <Table.Th scope="row">Notes</Table.Th>
              <Table.Td>{a.notes}</Table.Td>
            </Table.Tr>
          )}
        </Table.Tbody>
      </Table>

      {stage === 'view' && active && mayWrite && (
        <Group>
          <Button onClick={() => setStage('reschedule')}>Reschedule…</Button>
          <Button color="red" variant="light" onClick={() => setStage('cancel')}>
            Cancel visit…
          </Button>
        </Group>
      )}
      {stage === 'view' && a.patientId && can('note:write') && NOTE_VISIT_STATUSES.includes(a.status) && (
        <Group>
          <StartNoteButton
            patientId={a.patientId}
            providerId={a.providerId}
            locationId={a.locationId}
            appointmentId={a.id}
            size="sm"
            variant="filled"
          />
        </Group>
      )}
      {stage === 'view' && STATUS_LABELS[a.status] && (
        <Text size="xs" c="dimmed">
          {STATUS_LABELS[a.status]}
        </Text>
      )}

      {stage === 'reschedule' && a.appointmentTypeId && (
        <Stack gap="xs" data-testid="reschedule-panel">
          <Text fw={600}>Move to one of the next open times</Text>
          <NextTimes
            clock={clock}
            locationId={a.locationId}
            appointmentTypeId={a.appointmentTypeId}
            providerId={a.providerId}
            providerIds={props.providerIds}
            providerLabel={props.providerLabel}
            verb="Move to"
            busy={moving}
            onPick={(s) => void reschedule({ start: s.start, providerId: s.providerId })}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setStage('view')}>
              Back
            </Button>
          </Group>
        </Stack>
      )}

      {stage === 'cancel' && (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            if (!reason || noteNeeded) return;
            void cancelling.submit(a.id, { reason, ...(note.trim() ? { note: note.trim() } : {}) });
          }}
        >
          <Stack gap="xs" data-testid="cancel-panel">
            <Select
              label="Why is the visit cancelled?"
              placeholder="Choose a reason"
              required
              data={[...CANCEL_REASONS]}
              value={reason}
              onChange={(v) => setReason(v as CancelReason | null)}
            />
            <Textarea
              label="Note"
              required={reason === 'other'}
              value={note}
              maxLength={500}
              onChange={(e) => setNote(e.currentTarget.value)}
              autosize
              minRows={1}
            />
            {cancelling.error && <Alert color="red">{cancelling.error}</Alert>}
            {reason && (
              <Alert color="orange" title="Cancel this visit?">
                {a.patientName}, {clockDateTime(a.start, clock.zone, clock.hour12)} with {props.providerLabel(a.providerId)}. The time opens
                for others.
              </Alert>
            )}
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setStage('view')}>
                Keep the visit
              </Button>
              <Button type="submit" color="red" disabled={!reason || noteNeeded} loading={cancelling.busy}>
                Yes, cancel the visit
              </Button>
            </Group>
          </Stack>
        </form>
      )}

      {stage === 'cancelled' && (
        <Stack gap="xs" data-testid="cancelled-panel">
          <Alert color="gray" title="Visit cancelled" role="status">
            What next for the patient, and for the freed time?
          </Alert>
          <Group>
            {a.appointmentTypeId && (
              <Button onClick={() => setStage('rebook')} disabled={!mayWrite}>
                Rebook {a.patientName}
              </Button>
            )}
            {a.appointmentTypeId && Date.parse(a.start) > Date.now() && (
              <Button variant="light" onClick={() => setStage('waitlist')} disabled={!mayWrite}>
                Offer to waiting list
              </Button>
            )}
            <Button variant="default" onClick={props.onClose}>
              Done
            </Button>
          </Group>
        </Stack>
      )}

      {stage === 'rebook' && a.appointmentTypeId && a.patientId && (
        <Stack gap="xs" data-testid="rebook-panel">
          <Text fw={600}>Rebook {a.patientName}: choose a time</Text>
          <NextTimes
            clock={clock}
            locationId={a.locationId}
            appointmentTypeId={a.appointmentTypeId}
            providerId={a.providerId}
            providerIds={props.providerIds}
            providerLabel={props.providerLabel}
            verb="Book"
            onPick={(s, label) =>
              props.onRebook({
                start: s.start,
                label,
                providerId: s.providerId,
                appointmentTypeId: a.appointmentTypeId,
                patient: patient.data
                  ? { id: patient.data.id, name: `${patient.data.givenName} ${patient.data.familyName}`, birthDate: patient.data.birthDate }
                  : { id: a.patientId as string, name: a.patientName, birthDate: '' },
              })
            }
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setStage('cancelled')}>
              Back
            </Button>
          </Group>
        </Stack>
      )}

      {stage === 'waitlist' && (
        <Stack gap="xs">
          <WaitlistOffer
            freed={a}
            clock={clock}
            onBooked={(name) => {
              notifications.show({ color: 'green', message: `${name} booked into the freed time` });
              props.onClose();
            }}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setStage('cancelled')}>
              Back
            </Button>
          </Group>
        </Stack>
      )}
    </Stack>
  );
}
