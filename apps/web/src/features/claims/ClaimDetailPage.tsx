/**
 * One claim: what it bills (lines, diagnoses, providers, subscriber), the scrubber's errors and
 * warnings each naming its field, overriding a warning with a reason, and the timeline.
 */
import { Alert, Anchor, Badge, Button, Group, List, Loader, Modal, SimpleGrid, Stack, Table, Text, Textarea, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { api, unwrap } from '../../api/client.ts';
import { useSubmit } from '../../api/use-submit.ts';
import { useCan } from '../auth/use-me.ts';
import { AfterPayerActions } from './AfterPayerActions.tsx';
import { CLAIM_STATUS_COLORS, CLAIM_STATUS_LABELS, type Claim, cms1500Url, money, type ScrubMessage, shortDate } from './claims-api.ts';
import { claimKeys } from './query-keys.ts';

export function ClaimDetailPage() {
  const { id = '' } = useParams();
  const can = useCan();
  const claim = useQuery({
    queryKey: claimKeys.detail(id),
    queryFn: () => unwrap(api.GET('/api/claims/{id}', { params: { path: { id } } })),
  });
  const [overriding, setOverriding] = useState<ScrubMessage | null>(null);
  const scrubbing = useSubmit(() => api.POST('/api/claims/{id}/scrub', { params: { path: { id } } }), {
    invalidate: [claimKeys.detail(id), claimKeys.lists()],
  });
  if (claim.isPending) return <Loader aria-label="Loading the claim" />;
  if (claim.isError)
    return (
      <Stack>
        <Title order={1}>Claim</Title>
        <Alert color="red">{claim.error.message}</Alert>
      </Stack>
    );
  const c = claim.data;
  const editable = can('claim:submit') && (c.status === 'draft' || c.status === 'ready');
  return (
    <Stack>
      <Anchor component={Link} to="/billing/claims" size="sm">
        ← All claims
      </Anchor>
      <Group justify="space-between">
        <Title order={1}>
          Claim {c.patientControlNumber}{' '}
          <Badge color={CLAIM_STATUS_COLORS[c.status]} variant="light" size="lg">
            {CLAIM_STATUS_LABELS[c.status]}
          </Badge>
        </Title>
        <Group gap="sm">
          <Button component="a" variant="default" href={cms1500Url(c.id)} download={`CMS-1500-${c.patientControlNumber}.pdf`}>
            CMS-1500
          </Button>
          <Anchor href={cms1500Url(c.id, true)} download={`CMS-1500-${c.patientControlNumber}-data.pdf`} size="sm">
            Data only <span className="visually-hidden">(for pre-printed CMS-1500 forms)</span>
          </Anchor>
          {editable && (
            <Button loading={scrubbing.busy} onClick={() => void scrubbing.submit()}>
              Scrub
            </Button>
          )}
        </Group>
      </Group>
      {scrubbing.error && (
        <Alert color="red" role="alert">
          {scrubbing.error}
        </Alert>
      )}
      <SimpleGrid cols={{ base: 1, md: 3 }}>
        <Facts
          title="Patient and payer"
          rows={[
            ['Patient', c.patientName],
            ['Payer', c.payerName],
            ['Member id', c.subscriber.memberId],
            ['Seen', shortDate(c.dateOfService)],
            ['Place of service', c.placeOfService],
          ]}
        />
        <Facts
          title="Providers"
          rows={[
            [
              'Billing',
              `${c.billingProvider.name} · NPI ${c.billingProvider.npi ?? 'missing'} · TIN ${c.billingProvider.tin ?? 'missing'}`,
            ],
            [
              'Rendering',
              `${c.renderingProvider.givenName} ${c.renderingProvider.familyName} · NPI ${c.renderingProvider.npi ?? 'missing'}`,
            ],
            [
              'Referring',
              c.referringProvider
                ? `${c.referringProvider.givenName} ${c.referringProvider.familyName} · NPI ${c.referringProvider.npi}`
                : 'none',
            ],
            ['Facility', c.serviceFacility.name],
          ]}
        />
        <Facts
          title="Money"
          rows={[
            ['Billed', money(c.totalChargeCents)],
            ['Paid', money(c.paidCents)],
            ['Patient owes', money(c.patientResponsibilityCents)],
          ]}
        />
      </SimpleGrid>
      <AfterPayerActions claim={c} />
      <Scrub claim={c} canOverride={editable} onOverride={setOverriding} />
      <Title order={2}>Diagnoses</Title>
      <List type="ordered">
        {c.diagnoses.map((d) => (
          <List.Item key={d}>{d}</List.Item>
        ))}
      </List>
      <Title order={2}>Lines</Title>
      <Table aria-label="Service lines">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>#</Table.Th>
            <Table.Th>Code</Table.Th>
            <Table.Th>Units</Table.Th>
            <Table.Th>Diagnosis pointers</Table.Th>
            <Table.Th ta="right">Charge</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {c.lines.map((l) => (
            <Table.Tr key={l.lineNumber}>
              <Table.Td>{l.lineNumber}</Table.Td>
              <Table.Td>{[l.procedureCode, ...l.modifiers].join('-')}</Table.Td>
              <Table.Td>{l.units}</Table.Td>
              <Table.Td>{l.diagnosisPointers.join(', ')}</Table.Td>
              <Table.Td ta="right">{money(l.chargeCents)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Title order={2}>Timeline</Title>
      <List aria-label="Timeline">
        {c.timeline.map((e) => (
          <List.Item key={`${e.at}-${e.to}`}>
            {new Date(e.at).toLocaleString()}: {e.from ? `${CLAIM_STATUS_LABELS[e.from]} → ` : ''}
            {CLAIM_STATUS_LABELS[e.to]}, {e.reason}
            {e.userName ? ` (${e.userName})` : ''}
          </List.Item>
        ))}
      </List>
      <Modal opened={overriding !== null} onClose={() => setOverriding(null)} title="Override a warning">
        {overriding && <OverrideForm claimId={c.id} warning={overriding} onDone={() => setOverriding(null)} />}
      </Modal>
    </Stack>
  );
}

function Facts({ title, rows }: { title: string; rows: [string, string][] }) {
  return (
    <Stack gap={4}>
      <Title order={2} size="h4">
        {title}
      </Title>
      {rows.map(([k, v]) => (
        <Text key={k} size="sm">
          <Text span fw={600}>
            {k}:
          </Text>{' '}
          {v}
        </Text>
      ))}
    </Stack>
  );
}

function Scrub({ claim, canOverride, onOverride }: { claim: Claim; canOverride: boolean; onOverride: (w: ScrubMessage) => void }) {
  if (!claim.scrub) return <Text c="dimmed">Not scrubbed yet.</Text>;
  const { errors, warnings } = claim.scrub;
  return (
    <Stack gap="xs" aria-label="Scrubber result">
      <Title order={2}>Scrubber</Title>
      {errors.length === 0 && warnings.length === 0 && <Text>No errors or warnings.</Text>}
      {errors.map((e) => (
        <Alert key={`${e.rule}-${e.field}`} color="red" title={`${e.rule} · ${e.field}`}>
          {e.message}
        </Alert>
      ))}
      {warnings.map((w) => (
        <Alert key={`${w.rule}-${w.field}`} color="yellow" title={`${w.rule} · ${w.field}${w.overridden ? ' (overridden)' : ''}`}>
          <Group justify="space-between">
            <Text size="sm">{w.message}</Text>
            {canOverride && !w.overridden && (
              <Button size="compact-sm" variant="default" onClick={() => onOverride(w)} aria-label={`Override ${w.rule}`}>
                Override
              </Button>
            )}
          </Group>
        </Alert>
      ))}
    </Stack>
  );
}

function OverrideForm({ claimId, warning, onDone }: { claimId: string; warning: ScrubMessage; onDone: () => void }) {
  const [reason, setReason] = useState('');
  const overriding = useSubmit(
    async () => {
      const res = await api.POST('/api/claims/{id}/overrides', { params: { path: { id: claimId } }, body: { rule: warning.rule, reason } });
      // Scrub again so a claim whose last warning is now accepted becomes ready.
      if (res.response.ok) await api.POST('/api/claims/{id}/scrub', { params: { path: { id: claimId } } });
      return res;
    },
    { invalidate: [claimKeys.detail(claimId), claimKeys.lists()], onSuccess: onDone },
  );
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        void overriding.submit();
      }}
    >
      <Stack>
        <Text size="sm">{warning.message}</Text>
        <Textarea
          label="Reason"
          required
          value={reason}
          onChange={(e) => setReason(e.currentTarget.value)}
          maxLength={500}
          data-autofocus
        />
        {overriding.error && (
          <Alert color="red" role="alert">
            {overriding.error}
          </Alert>
        )}
        <Group justify="flex-end">
          <Button type="submit" loading={overriding.busy} disabled={!reason.trim()}>
            Override
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
