/**
 * Book a visit at a chosen time: patient (inline search), type, provider; a taken slot is said plainly
 * (409 SLOT_TAKEN). Users who may overbook (appointment:override, or a type that allows it) can tick
 * "Overbook", or are offered it when the slot turns out taken.
 */
import { Alert, Button, Checkbox, Group, Modal, Select, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api } from '../../api/client.ts';
import { toProblem } from '../../api/problem.ts';
import { useCan } from '../auth/use-me.ts';
import { PatientPicker, type PickedPatient } from './PatientPicker.tsx';
import { type AppointmentType, type Provider, providerName } from './schedule-api.ts';

export interface BookingDraft {
  /** A local date-time ("2026-03-04T09:00", the location's clock) or an instant from the availability search. */
  start: string;
  /** How to show the start to the user, on the location's clock. */
  label: string;
  providerId: string | null;
  appointmentTypeId: string | null;
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
  const queryClient = useQueryClient();
  const [patient, setPatient] = useState<PickedPatient | null>(null);
  const [typeId, setTypeId] = useState<string | null>(props.draft.appointmentTypeId ?? props.types[0]?.id ?? null);
  const [providerId, setProviderId] = useState<string | null>(props.draft.providerId ?? props.providers[0]?.id ?? null);
  const [error, setError] = useState<{ code: string; detail: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const [overbook, setOverbook] = useState(false);
  const can = useCan();
  const type = props.types.find((t) => t.id === typeId);
  const mayOverbook = can('appointment:override') || type?.overbookingAllowed === true;

  const book = async (asOverbook = overbook && mayOverbook) => {
    if (!patient || !typeId || !providerId) return;
    setBusy(true);
    setError(null);
    const {
      data,
      error: err,
      response,
    } = await api.POST('/api/appointments', {
      body: {
        patientId: patient.id,
        appointmentTypeId: typeId,
        providerId,
        locationId: props.locationId,
        start: props.draft.start,
        notes: '',
        overbook: asOverbook,
      },
    });
    setBusy(false);
    if (data) {
      notifications.show({
        color: 'green',
        message: `Booked ${patient.name}, ${props.draft.label}${data.overbooked ? ' (overbooked)' : ''}`,
      });
      await queryClient.invalidateQueries({ queryKey: ['appointments'] });
      await queryClient.invalidateQueries({ queryKey: ['availability'] });
      props.onClose();
      return;
    }
    const problem = toProblem(err, response.status);
    setError({ code: problem.code, detail: problem.detail || problem.title });
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
      {error?.code === 'SLOT_TAKEN' && (
        <Alert color="red" title="That time is taken" data-testid="slot-taken">
          <Stack gap="xs" align="flex-start">
            <span>
              Someone else has just booked this provider (or the room the visit needs) at this time.{' '}
              {mayOverbook ? 'Choose another time, or book it on top.' : 'Choose another time.'}
            </span>
            {mayOverbook && (
              <Button size="xs" color="orange" loading={busy} onClick={() => void book(true)}>
                Overbook instead?
              </Button>
            )}
          </Stack>
        </Alert>
      )}
      {error && error.code !== 'SLOT_TAKEN' && <Alert color="red">{error.detail}</Alert>}
      <Group justify="flex-end">
        <Button variant="default" onClick={props.onClose}>
          Cancel
        </Button>
        <Button onClick={() => void book()} loading={busy} disabled={!patient || !typeId || !providerId}>
          Book
        </Button>
      </Group>
    </Stack>
  );
}
