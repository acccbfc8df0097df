/**
 * Book a visit at a chosen time: patient (inline search), type, provider; a taken slot is said plainly
 * (409 SLOT_TAKEN). Users who may overbook (appointment:override, or a type that allows it) can tick
 * "Overbook", or are offered it when the slot turns out taken.
 */
import { Alert, Button, Checkbox, Group, Modal, Select, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { api } from '../../api/client.ts';
import { useSubmit } from '../../api/use-submit.ts';
import { useCan } from '../auth/use-me.ts';
import { flowKeys } from '../flow/query-keys.ts';
import { PatientPicker, type PickedPatient } from './PatientPicker.tsx';
import { scheduleKeys } from './query-keys.ts';
import { type AppointmentType, type BookInput, type Provider, providerName } from './schedule-api.ts';

export interface BookingDraft {
  /** A local date-time ("2026-03-04T09:00", the location's clock) or an instant from the availability search. */
  start: string;
  /** How to show the start to the user, on the location's clock. */
  label: string;
  providerId: string | null;
  appointmentTypeId: string | null;
  /** The patient, when already known (rebooking a cancelled visit). */
  patient?: PickedPatient;
}

export function BookAppointmentModal(props: {
  draft: BookingDraft | null;
  locationId: string;
  types: AppointmentType[];
  providers: Provider[];
  onClose(): void;
}) {
  const { draft } = props;
  return (
    <Modal opened={draft !== null} onClose={props.onClose} title="Book appointment" size="lg">
      {draft && <BookingForm {...props} draft={draft} />}
    </Modal>
  );
}

function BookingForm(props: { draft: BookingDraft; locationId: string; types: AppointmentType[]; providers: Provider[]; onClose(): void }) {
  const [patient, setPatient] = useState<PickedPatient | null>(props.draft.patient ?? null);
  const [typeId, setTypeId] = useState<string | null>(props.draft.appointmentTypeId ?? props.types[0]?.id ?? null);
  const [providerId, setProviderId] = useState<string | null>(props.draft.providerId ?? props.providers[0]?.id ?? null);
  const [overbook, setOverbook] = useState(false);
  const can = useCan();
  const type = props.types.find((t) => t.id === typeId);
  const mayOverbook = can('appointment:override') || type?.overbookingAllowed === true;

  const booking = useSubmit((body: BookInput, _who: PickedPatient) => api.POST('/api/appointments', { body }), {
    // The calendar, every open-slot search and (for today) the flow board show the new visit.
    invalidate: [scheduleKeys.appointmentLists(), scheduleKeys.availabilitySearches(), flowKeys.boards()],
    onSuccess: (data, _body, who) => {
      notifications.show({
        color: 'green',
        message: `Booked ${who.name}, ${props.draft.label}${data.overbooked ? ' (overbooked)' : ''}`,
      });
      props.onClose();
    },
  });
  const { busy, problem, error } = booking;
  const book = (asOverbook = overbook && mayOverbook) => {
    if (!patient || !typeId || !providerId) return;
    const body = {
      patientId: patient.id,
      appointmentTypeId: typeId,
      providerId,
      locationId: props.locationId,
      start: props.draft.start,
      notes: '',
      overbook: asOverbook,
    };
    void booking.submit(body, patient);
  };

  return (
    <Stack>
      <Text>
        <Text span fw={600}>
          When:
        </Text>{' '}
        <span data-testid="booking-when">{props.draft.label}</span>
      </Text>
      <PatientPicker value={patient} onChange={setPatient} />
      <Select
        label="Appointment type"
        data={props.types.map((t) => ({ value: t.id, label: `${t.name} (${t.durationMinutes} min)` }))}
        value={typeId}
        onChange={setTypeId}
        allowDeselect={false}
      />
      <Select
        label="Provider"
        data={props.providers.map((p) => ({ value: p.id, label: providerName(p) }))}
        value={providerId}
        onChange={setProviderId}
        allowDeselect={false}
      />
      {mayOverbook && (
        <Checkbox
          label="Overbook (double-book this slot)"
          checked={overbook}
          onChange={(e) => setOverbook(e.currentTarget.checked)}
          data-testid="overbook"
        />
      )}
      {problem?.code === 'SLOT_TAKEN' && (
        <Alert color="red" title="That time is taken" data-testid="slot-taken">
          <Stack gap="xs" align="flex-start">
            <span>
              Someone else has just booked this provider (or the room the visit needs) at this time.{' '}
              {mayOverbook ? 'Choose another time, or book it on top.' : 'Choose another time.'}
            </span>
            {mayOverbook && (
              <Button size="xs" color="orange" loading={busy} onClick={() => book(true)}>
                Overbook instead?
              </Button>
            )}
          </Stack>
        </Alert>
      )}
      {error && problem?.code !== 'SLOT_TAKEN' && <Alert color="red">{error}</Alert>}
      <Group justify="flex-end">
        <Button variant="default" onClick={props.onClose}>
          Cancel
        </Button>
        <Button onClick={() => book()} loading={busy} disabled={!patient || !typeId || !providerId}>
          Book
        </Button>
      </Group>
    </Stack>
  );
}
