/**
 * After a one-click check-in: the patient's front-desk alerts, then insurance and key
 * demographics to confirm with the patient at the desk (a checklist for the clerk). The
 * ticks are saved on the visit and shown on the flow board.
 */
import { Alert, Badge, Button, Checkbox, Group, Loader, Modal, Stack, Table, Text, Title } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { notifications } from '@mantine/notifications';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { api } from '../../api/client.ts';
import { useSubmit } from '../../api/use-submit.ts';
import { coveragesQuery, patientQuery } from '../patients/patients-api.ts';
import { flowKeys } from './query-keys.ts';
import { displayPhone } from '../../app/format-phone.ts';

export interface CheckedInVisit {
  appointmentId: string;
  patientId: string;
  name: string;
}

export function CheckInDialog(props: { visit: CheckedInVisit | null; onClose(): void }) {
  return (
    <Modal opened={props.visit !== null} onClose={props.onClose} title={props.visit ? `Checked in: ${props.visit.name}` : ''} size="lg">
      {props.visit && (
        <CheckInDetails appointmentId={props.visit.appointmentId} patientId={props.visit.patientId} onClose={props.onClose} />
      )}
    </Modal>
  );
}

function CheckInDetails(props: { appointmentId: string; patientId: string; onClose(): void }) {
  // The patient's own keys: an edit on the chart (coverages, demographics) shows here too.
  const patient = useQuery(patientQuery(props.patientId));
  const coverages = useQuery(coveragesQuery(props.patientId));
  const [insuranceOk, setInsuranceOk] = useState(false);
  const [demographicsOk, setDemographicsOk] = useState(false);
  const { submit: save, busy: saving } = useSubmit(
    () =>
      api.POST('/api/appointments/{id}/check-in-confirmations', {
        params: { path: { id: props.appointmentId } },
        body: { insuranceConfirmed: insuranceOk, demographicsConfirmed: demographicsOk },
      }),
    {
      invalidate: [flowKeys.boards()],
      onSuccess: props.onClose,
      onProblem: (problem) => {
        notifications.show({ color: 'red', message: problem.detail });
        return null;
      },
    },
  );
  if (patient.isPending || coverages.isPending) return <Loader aria-label="Loading" />;
  const p = patient.data;
  const a = p?.address;
  return (
    <Stack data-testid="check-in-dialog">
      {(p?.alerts ?? []).map((alert) => (
        <Alert key={alert} color="orange" icon={<IconAlertTriangle size={16} />} data-testid="front-desk-alert">
          {alert}
        </Alert>
      ))}
      <Title order={3} size="h5">
        Insurance
      </Title>
      {(coverages.data?.items ?? []).length === 0 && <Text c="dimmed">No insurance on file (self-pay).</Text>}
      <Table>
        <Table.Tbody>
          {(coverages.data?.items ?? []).map((c) => (
            <Table.Tr key={c.id}>
              <Table.Td>
                <Badge variant="light">{c.priority}</Badge>
              </Table.Td>
              <Table.Td>{c.payerName}</Table.Td>
              <Table.Td>{c.planName}</Table.Td>
              <Table.Td>Member {c.memberId}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Checkbox
        label="Insurance confirmed with the patient (card seen)"
        checked={insuranceOk}
        onChange={(e) => setInsuranceOk(e.currentTarget.checked)}
      />
      <Title order={3} size="h5">
        Demographics
      </Title>
      {p && (
        <Table>
          <Table.Tbody>
            <Table.Tr>
              <Table.Th>Date of birth</Table.Th>
              <Table.Td>{p.birthDate}</Table.Td>
            </Table.Tr>
            <Table.Tr>
              <Table.Th>Address</Table.Th>
              <Table.Td>{a ? `${a.line1}, ${a.city}, ${a.state} ${a.postalCode}` : 'none on file'}</Table.Td>
            </Table.Tr>
            <Table.Tr>
              <Table.Th>Phone</Table.Th>
              <Table.Td>{p.phones.map((ph) => `${displayPhone(ph.number)} (${ph.type})`).join(', ') || 'none on file'}</Table.Td>
            </Table.Tr>
            <Table.Tr>
              <Table.Th>Email</Table.Th>
              <Table.Td>{p.email ?? 'none on file'}</Table.Td>
            </Table.Tr>
          </Table.Tbody>
        </Table>
      )}
      <Checkbox
        label="Address, phone and email confirmed"
        checked={demographicsOk}
        onChange={(e) => setDemographicsOk(e.currentTarget.checked)}
      />
      <Group justify="flex-end">
        <Button variant="default" onClick={props.onClose}>
          Later
        </Button>
        <Button disabled={!insuranceOk && !demographicsOk} loading={saving} onClick={() => void save()}>
          Confirmed
        </Button>
      </Group>
    </Stack>
  );
}
