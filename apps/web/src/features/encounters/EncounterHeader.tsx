/**
 * Who and what the note is about, always in view: the patient (name linking to the chart, date of
 * birth, MRN, chart alerts, the allergy banner of the clinical module), the rendering provider, the date of service, the status and the
 * autosave state (a live region: screen readers hear "Saved", "Offline").
 */
import { Anchor, Badge, Card, Group, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { useCan } from '../auth/use-me.ts';
import { AllergyBanner } from '../clinical/AllergyBanner.tsx';
import { patientQuery } from '../patients/patients-api.ts';
import { toUsDate } from '../patients/us-date.ts';
import { providerName, useProviders } from '../schedule/schedule-api.ts';
import { displayStatus, type Encounter } from './encounters-api.ts';
import { type SaveState, saveStateText } from './use-encounter-draft.ts';

const STATUS_COLOR: Record<string, string> = { Open: 'blue', Signed: 'green', 'Awaiting co-signature': 'orange' };

export function EncounterHeader(props: { encounter: Encounter; state: SaveState; actions: ReactNode }) {
  const e = props.encounter;
  const can = useCan();
  const patient = useQuery(patientQuery(e.patientId));
  const providers = useProviders();
  const provider = providers.data?.find((p) => p.id === e.providerId);
  const p = patient.data;
  const status = displayStatus(e);
  return (
    <Card withBorder padding="sm" className="encounter-header" data-testid="encounter-header">
      <Group justify="space-between" align="flex-start" wrap="wrap" gap="sm">
        <Stack gap={2}>
          <Title order={1} size="h3">
            Visit note:{' '}
            {p ? (
              <Anchor component={Link} to={`/patients?${new URLSearchParams({ id: p.id })}`} inherit>
                {p.familyName}, {p.givenName}
              </Anchor>
            ) : (
              '…'
            )}
          </Title>
          {p && (
            <Text size="sm">
              born {toUsDate(p.birthDate)} · {p.sex} · MRN {p.mrn}
            </Text>
          )}
          {p && p.alerts.length > 0 && (
            <Group gap={4}>
              {p.alerts.map((a) => (
                <Badge key={a} color="orange" variant="light">
                  {a}
                </Badge>
              ))}
            </Group>
          )}
          {can('note:read') && <AllergyBanner patientId={e.patientId} />}
          <Text size="sm">
            {provider ? providerName(provider) : (e.providerName ?? '')} · date of service {toUsDate(e.dateOfService)}
          </Text>
        </Stack>
        <Stack gap={6} align="flex-end">
          <Group gap="xs">
            <Badge color={STATUS_COLOR[status] ?? 'gray'} data-testid="encounter-status">
              {status}
            </Badge>
            <Text size="sm" className="encounter-save-state" data-state={props.state.kind} data-testid="save-state" role="status">
              {saveStateText(props.state)}
            </Text>
          </Group>
          <Group gap="xs">{props.actions}</Group>
        </Stack>
      </Group>
    </Card>
  );
}
