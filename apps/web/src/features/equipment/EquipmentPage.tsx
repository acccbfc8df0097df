/**
 * Equipment at the selected location: the inventory (room, serial number, vendor, next service)
 * with "Report a fault" on each piece (the front desk may), and the open faults. A fault's detail
 * lists the visits already booked in the room it takes out of service, each with "Move to another
 * room" (the same time, another room of the kind) and a link to its day in the schedule; a
 * manager resolves it, which frees the room.
 */
import {
  Alert,
  Anchor,
  Badge,
  Button,
  Checkbox,
  Group,
  Loader,
  Modal,
  Select,
  Stack,
  Table,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconPlus } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { api, unwrap } from '../../api/client.ts';
import { ListTable } from '../../app/ListTable.tsx';
import { ProblemForm } from '../../app/ProblemForm.tsx';
import { useSubmit } from '../../api/use-submit.ts';
import { shortWhen } from '../../app/short-when.ts';
import { useSelectedLocation } from '../../app/use-selected-location.ts';
import { useCan } from '../auth/use-me.ts';
import { scheduleKeys } from '../schedule/query-keys.ts';
import { useRooms } from '../schedule/schedule-api.ts';
import { type Equipment, FAULT_STATUS_LABELS, type FaultDetail, SEVERITY_COLORS, SEVERITY_LABELS, type Severity } from './equipment-api.ts';
import { equipmentKeys } from './query-keys.ts';

export function EquipmentPage() {
  const can = useCan();
  const locationId = useSelectedLocation();
  const [adding, setAdding] = useState(false);
  const [reporting, setReporting] = useState<Equipment | null>(null);
  // A fault named in the address (the office dashboard's drill-down) opens at once.
  const [params, setParams] = useSearchParams();
  const [openFault, setOpenFaultState] = useState<string | null>(params.get('fault'));
  const setOpenFault = (id: string | null) => {
    setOpenFaultState(id);
    if (!id && params.has('fault')) setParams({}, { replace: true });
  };
  const inventory = useQuery({
    queryKey: equipmentKeys.inventory({ locationId }),
    queryFn: () => unwrap(api.GET('/api/equipment', { params: { query: { limit: 200, ...(locationId && { locationId }) } } })),
  });
  const faults = useQuery({
    queryKey: equipmentKeys.faults({ locationId, status: 'open' }),
    queryFn: () =>
      unwrap(api.GET('/api/equipment-faults', { params: { query: { status: 'open', limit: 200, ...(locationId && { locationId }) } } })),
  });
  return (
    <Stack>
      <Group justify="space-between">
        <Title order={1}>Equipment</Title>
        {can('equipment:manage') && (
          <Button leftSection={<IconPlus size={16} />} variant="default" onClick={() => setAdding(true)}>
            Add equipment
          </Button>
        )}
      </Group>

      <Title order={2} size="h3">
        Open faults
      </Title>
      <ListTable
        aria-label="Open faults"
        data-testid="fault-list"
        query={faults}
        loadingLabel="Loading faults"
        rows={faults.data?.items}
        rowKey={(f) => f.id}
        rowTestId="fault-row"
        empty="No open faults."
        columns={[
          {
            header: 'Equipment',
            cell: (f) => (
              <>
                {f.equipmentName}
                <Text size="xs" c="dimmed">
                  {f.roomName ?? 'No room'}
                </Text>
              </>
            ),
          },
          {
            header: 'Fault',
            cell: (f) => (
              <>
                <Text size="sm" lineClamp={2}>
                  {f.description}
                </Text>
                <Text size="xs" c="dimmed">
                  {f.reportedByName ?? 'Someone'}, {shortWhen(f.createdAt)}
                </Text>
              </>
            ),
          },
          {
            header: 'Severity',
            cell: (f) => (
              <>
                <Badge size="sm" variant="light" color={SEVERITY_COLORS[f.severity]}>
                  {SEVERITY_LABELS[f.severity]}
                </Badge>
                {f.outOfService && (
                  <Badge ml={6} size="sm" color="red">
                    Out of service
                  </Badge>
                )}
              </>
            ),
          },
          { header: 'Status', cell: (f) => `${FAULT_STATUS_LABELS[f.status]}${f.vendorVisitOn ? ` (${f.vendorVisitOn})` : ''}` },
        ]}
        actions={(f) => (
          <Button size="compact-sm" variant="light" onClick={() => setOpenFault(f.id)} aria-label={`Open the fault of ${f.equipmentName}`}>
            Open
          </Button>
        )}
      />

      <Title order={2} size="h3">
        Inventory
      </Title>
      <ListTable
        aria-label="Equipment"
        data-testid="equipment-list"
        minWidth={720}
        query={inventory}
        loadingLabel="Loading equipment"
        rows={inventory.data?.items}
        rowKey={(e) => e.id}
        rowTestId="equipment-row"
        empty="No equipment recorded at this location."
        columns={[
          {
            header: 'Name',
            cell: (e) => (
              <>
                {e.name}
                {e.outOfService && (
                  <Badge ml={6} size="sm" color="red">
                    Out of service
                  </Badge>
                )}
              </>
            ),
          },
          { header: 'Room', cell: (e) => e.roomName ?? '—' },
          { header: 'Serial number', cell: (e) => e.serialNumber ?? '—' },
          { header: 'Vendor', cell: (e) => e.vendor || '—' },
          { header: 'Next service', cell: (e) => e.serviceDueOn ?? '—' },
        ]}
        actions={(e) =>
          can('equipment:report') &&
          e.active && (
            <Button size="compact-sm" variant="light" onClick={() => setReporting(e)} aria-label={`Report a fault of ${e.name}`}>
              Report a fault
            </Button>
          )
        }
      />
      <Modal opened={adding} onClose={() => setAdding(false)} title="Add equipment">
        {adding && <AddEquipmentForm locationId={locationId} onSaved={() => setAdding(false)} />}
      </Modal>
      <Modal opened={reporting !== null} onClose={() => setReporting(null)} title="Report a fault">
        {reporting && (
          <ReportFaultForm
            equipment={reporting}
            onSaved={(faultId) => {
              setReporting(null);
              setOpenFault(faultId);
            }}
          />
        )}
      </Modal>
      <Modal opened={openFault !== null} onClose={() => setOpenFault(null)} title="Fault" size="lg">
        {openFault && <FaultPanel id={openFault} onResolved={() => setOpenFault(null)} />}
      </Modal>
    </Stack>
  );
}

function AddEquipmentForm(props: { locationId: string | null; onSaved(): void }) {
  const rooms = useRooms(props.locationId);
  const [name, setName] = useState('');
  const [roomId, setRoomId] = useState<string | null>(null);
  const [serialNumber, setSerialNumber] = useState('');
  const [vendor, setVendor] = useState('');
  const [serviceDueOn, setServiceDueOn] = useState('');
  const saving = useSubmit(
    () =>
      api.POST('/api/equipment', {
        body: {
          name,
          vendor,
          ...(roomId ? { roomId } : props.locationId ? { locationId: props.locationId } : {}),
          ...(serialNumber && { serialNumber }),
          ...(serviceDueOn && { serviceDueOn }),
        },
      }),
    {
      invalidate: [equipmentKeys.lists()],
      onSuccess: (e) => {
        notifications.show({ color: 'green', message: `Added: ${e.name}` });
        props.onSaved();
      },
    },
  );
  return (
    <ProblemForm saving={saving} submitLabel="Add equipment">
      <TextInput
        label="Name"
        value={name}
        onChange={(e) => setName(e.currentTarget.value)}
        required
        error={saving.errors.name}
        data-autofocus
      />
      <Select
        label="Room"
        placeholder="No room"
        data={(rooms.data ?? []).map((r) => ({ value: r.id, label: r.name }))}
        value={roomId}
        onChange={setRoomId}
        clearable
        error={saving.errors.roomId}
      />
      <TextInput
        label="Serial number"
        value={serialNumber}
        onChange={(e) => setSerialNumber(e.currentTarget.value)}
        error={saving.errors.serialNumber}
      />
      <TextInput label="Vendor" value={vendor} onChange={(e) => setVendor(e.currentTarget.value)} error={saving.errors.vendor} />
      <TextInput
        type="date"
        label="Next service due"
        value={serviceDueOn}
        onChange={(e) => setServiceDueOn(e.currentTarget.value)}
        error={saving.errors.serviceDueOn}
      />
    </ProblemForm>
  );
}

function ReportFaultForm(props: { equipment: Equipment; onSaved(faultId: string): void }) {
  const [description, setDescription] = useState('');
  const [severity, setSeverity] = useState<Severity>('medium');
  const [outOfService, setOutOfService] = useState(false);
  const saving = useSubmit(
    () =>
      api.POST('/api/equipment/{id}/faults', {
        params: { path: { id: props.equipment.id } },
        body: { description, severity, outOfService },
      }),
    {
      invalidate: [equipmentKeys.lists()],
      onSuccess: (f) => {
        notifications.show({ color: 'green', message: `Fault reported: ${f.equipmentName}` });
        props.onSaved(f.id);
      },
    },
  );
  return (
    <ProblemForm saving={saving} submitLabel="Report">
      <Text size="sm">
        {props.equipment.name}
        {props.equipment.roomName ? `, ${props.equipment.roomName}` : ''}
      </Text>
      <Textarea
        label="What is wrong"
        value={description}
        onChange={(e) => setDescription(e.currentTarget.value)}
        required
        maxLength={2000}
        error={saving.errors.description}
        data-autofocus
      />
      <Select
        label="Severity"
        data={Object.entries(SEVERITY_LABELS).map(([value, label]) => ({ value, label }))}
        value={severity}
        onChange={(v) => v && setSeverity(v as Severity)}
        allowDeselect={false}
      />
      <Checkbox
        label={props.equipment.roomName ? `Out of service (no more bookings in ${props.equipment.roomName})` : 'Out of service'}
        checked={outOfService}
        onChange={(e) => setOutOfService(e.currentTarget.checked)}
      />
    </ProblemForm>
  );
}

function FaultPanel(props: { id: string; onResolved(): void }) {
  const can = useCan();
  const [resolution, setResolution] = useState('');
  const fault = useQuery({
    queryKey: equipmentKeys.fault(props.id),
    queryFn: () => unwrap(api.GET('/api/equipment-faults/{id}', { params: { path: { id: props.id } } })),
  });
  const move = useSubmit(
    (a: FaultDetail['affectedAppointments'][number]) =>
      api.POST('/api/appointments/{id}/reschedule', {
        params: { path: { id: a.id } },
        headers: { 'if-match': `"${a.version}"` },
        body: { start: a.start, note: 'Moved: the room is out of service' },
      }),
    {
      invalidate: [equipmentKeys.lists(), scheduleKeys.appointmentLists()],
      onSuccess: (a) => notifications.show({ color: 'green', message: `Moved ${a.patientName} to another room` }),
    },
  );
  const resolve = useSubmit(
    () => api.POST('/api/equipment-faults/{id}/resolve', { params: { path: { id: props.id } }, body: { resolution } }),
    {
      invalidate: [equipmentKeys.lists()],
      onSuccess: (f) => {
        notifications.show({
          color: 'green',
          message: `Resolved: ${f.equipmentName}${f.roomName && f.outOfService ? `; ${f.roomName} can be booked again` : ''}`,
        });
        props.onResolved();
      },
    },
  );
  if (fault.isPending) return <Loader aria-label="Loading the fault" />;
  if (fault.isError) return <Alert color="red">{fault.error.message}</Alert>;
  const f = fault.data;
  return (
    <Stack gap="sm">
      <Group gap={6}>
        <Text fw={600}>{f.equipmentName}</Text>
        <Badge size="sm" variant="light" color={SEVERITY_COLORS[f.severity]}>
          {SEVERITY_LABELS[f.severity]}
        </Badge>
        {f.outOfService && f.status !== 'resolved' && (
          <Badge size="sm" color="red">
            Out of service
          </Badge>
        )}
      </Group>
      <Text size="sm">{f.description}</Text>
      <Text size="xs" c="dimmed">
        {f.roomName ?? 'No room'} · reported by {f.reportedByName ?? 'someone'}, {shortWhen(f.createdAt)} · {FAULT_STATUS_LABELS[f.status]}
        {f.vendor ? ` · vendor ${f.vendor}${f.vendorPhone ? ` ${f.vendorPhone}` : ''}` : ''}
      </Text>
      {f.outOfService && f.status !== 'resolved' && f.roomId && (
        <>
          <Title order={3} size="h5">
            Visits booked in {f.roomName}
          </Title>
          {f.affectedAppointments.length === 0 && <Text size="sm">None from now on.</Text>}
          {move.error && (
            <Alert color="red" role="alert">
              {move.error}
            </Alert>
          )}
          {f.affectedAppointments.length > 0 && (
            <Table aria-label={`Visits booked in ${f.roomName}`} data-testid="affected-appointments">
              <Table.Tbody>
                {f.affectedAppointments.map((a) => (
                  <Table.Tr key={a.id}>
                    <Table.Td>{shortWhen(a.start)}</Table.Td>
                    <Table.Td>{a.patientName}</Table.Td>
                    <Table.Td>{a.appointmentTypeName}</Table.Td>
                    <Table.Td>
                      <Group gap="xs" wrap="nowrap">
                        {can('appointment:write') && !a.busy && (
                          <Button
                            size="compact-sm"
                            variant="light"
                            loading={move.busy}
                            onClick={() => void move.submit(a)}
                            aria-label={`Move to another room: ${a.patientName}`}
                          >
                            Move to another room
                          </Button>
                        )}
                        <Anchor component={Link} to={`/schedule?date=${a.start.slice(0, 10)}`} size="sm">
                          Open in schedule
                        </Anchor>
                      </Group>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
          {f.affectedTruncated && <Text size="xs">More visits are booked; move these first.</Text>}
        </>
      )}
      {f.status === 'resolved' && <Text size="sm">Resolved: {f.resolution}</Text>}
      {f.status !== 'resolved' && can('equipment:manage') && (
        <ProblemForm saving={resolve} submitLabel="Resolve">
          <Textarea
            label="What was done"
            value={resolution}
            onChange={(e) => setResolution(e.currentTarget.value)}
            required
            maxLength={2000}
            error={resolve.errors.resolution}
          />
        </ProblemForm>
      )}
    </Stack>
  );
}
