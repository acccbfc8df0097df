/**
 * The chart's Encounters tab: the patient's past encounters, newest first, with their status
 * (Open / Signed / Awaiting co-signature), provider and addenda count, each opening its note;
 * and "New encounter" for a note without a visit (a phone call, a walk-in).
 */
import { Alert, Anchor, Badge, Group, Loader, Select, Stack, Table, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import { useSelectedLocation } from '../../app/use-selected-location.ts';
import { useCan, useCurrentUser } from '../auth/use-me.ts';
import { patientQuery } from '../patients/patients-api.ts';
import { toUsDate } from '../patients/us-date.ts';
import { providerName, useProviders } from '../schedule/schedule-api.ts';
import { displayStatus, patientEncountersQuery } from './encounters-api.ts';
import { StartNoteButton } from './StartNoteButton.tsx';

const COLOR: Record<string, string> = { Open: 'blue', Signed: 'green', 'Awaiting co-signature': 'orange' };

function NewEncounter(props: { patientId: string }) {
  const me = useCurrentUser();
  const patient = useQuery(patientQuery(props.patientId));
  const providers = useProviders();
  const selected = useSelectedLocation();
  const [providerId, setProviderId] = useState<string | null>(me.user.providerId ?? null);
  const chosen = providerId ?? patient.data?.primaryProviderId ?? null;
  const locationId = selected ?? patient.data?.preferredLocationId ?? null;
  return (
    <Group align="flex-end" gap="xs">
      {!me.user.providerId && (
        <Select
          label="Rendering provider"
          w={240}
          data={(providers.data ?? []).map((p) => ({ value: p.id, label: providerName(p) }))}
          value={chosen}
          onChange={setProviderId}
        />
      )}
      {chosen && locationId ? (
        <StartNoteButton
          patientId={props.patientId}
          providerId={chosen}
          locationId={locationId}
          label="New encounter"
          size="sm"
          variant="filled"
        />
      ) : (
        <Text size="sm">Choose a location and a provider to start a note.</Text>
      )}
    </Group>
  );
}

export function PatientEncountersTab(props: { patientId: string }) {
  const can = useCan();
  const list = useQuery(patientEncountersQuery(props.patientId));
  const providers = useProviders();
  const names = new Map((providers.data ?? []).map((p) => [p.id, providerName(p)]));
  return (
    <Stack gap="sm" pt="sm" data-testid="patient-encounters">
      {can('note:write') && <NewEncounter patientId={props.patientId} />}
      {list.isPending && <Loader aria-label="Loading encounters" />}
      {list.isError && <Alert color="red">{list.error.message}</Alert>}
      {list.data && list.data.items.length === 0 && <Text size="sm">No encounter yet.</Text>}
      {list.data && list.data.items.length > 0 && (
        <Table striped aria-label="Encounters">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Date of service</Table.Th>
              <Table.Th>Status</Table.Th>
              <Table.Th>Provider</Table.Th>
              <Table.Th>Addenda</Table.Th>
              <Table.Th>Note</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {list.data.items.map((e) => {
              const status = displayStatus(e);
              return (
                <Table.Tr key={e.id} data-testid="encounter-row" data-status={status}>
                  <Table.Td>{toUsDate(e.dateOfService)}</Table.Td>
                  <Table.Td>
                    <Badge color={COLOR[status] ?? 'gray'} variant="light">
                      {status}
                    </Badge>
                  </Table.Td>
                  <Table.Td>{e.providerName ?? names.get(e.providerId ?? '') ?? ''}</Table.Td>
                  <Table.Td>{e.addendaCount}</Table.Td>
                  <Table.Td>
                    <Anchor component={Link} to={`/encounters/${encodeURIComponent(e.id)}`}>
                      Open note<span className="visually-hidden"> of {toUsDate(e.dateOfService)}</span>
                    </Anchor>
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
}
