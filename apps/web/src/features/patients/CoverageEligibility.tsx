/**
 * A coverage's eligibility on the insurance tab: the payer's latest answer (active or not,
 * copay, deductible and what remains, the date it was checked) with "Create 270" (builds the
 * inquiry and downloads its X12) and "Import 271" (uploads the payer's answer file).
 */
import { Alert, Badge, Button, Group, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { api, unwrap } from '../../api/client.ts';
import { useSubmit } from '../../api/use-submit.ts';
import { patientKeys } from './query-keys.ts';
import { toUsDate } from './us-date.ts';

const dollars = (c: number | null | undefined) => (c === null || c === undefined ? '—' : `$${(c / 100).toFixed(2)}`);
const STATUS: Record<string, { label: string; color: string }> = {
  active: { label: 'Active', color: 'green' },
  inactive: { label: 'Inactive', color: 'red' },
  unknown: { label: 'Not stated', color: 'gray' },
  rejected: { label: 'Rejected', color: 'orange' },
};

function download(name: string, text: string) {
  const url = URL.createObjectURL(new Blob([text], { type: 'application/edi-x12' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  URL.revokeObjectURL(url);
}

export function CoverageEligibility({ patientId, coverageId, payerName }: { patientId: string; coverageId: string; payerName: string }) {
  const key = patientKeys.eligibility(patientId, coverageId);
  const eligibility = useQuery({
    queryKey: key,
    queryFn: () =>
      unwrap(api.GET('/api/patients/{id}/coverages/{coverageId}/eligibility', { params: { path: { id: patientId, coverageId } } })),
  });
  const [note, setNote] = useState<string | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  const creating = useSubmit(
    () =>
      api.POST('/api/patients/{id}/coverages/{coverageId}/eligibility-requests', {
        params: { path: { id: patientId, coverageId } },
        body: {},
      }),
    {
      invalidate: [key],
      onSuccess: (r) => {
        download(`270-${r.traceNumber}.x12`, r.x12);
        setNote(`270 ${r.traceNumber} downloaded: send it to the payer, then import the 271 it answers.`);
      },
    },
  );
  const importing = useSubmit(
    (text: string) =>
      api.POST('/api/eligibility-responses', {
        body: text as never,
        bodySerializer: (b: unknown) => b as string,
        headers: { 'content-type': 'application/edi-x12' },
      }),
    {
      invalidate: [patientKeys.coverages(patientId)],
      onSuccess: (r) => setNote(r.results.every((x) => x.alreadyImported) ? 'That 271 was already imported.' : '271 imported.'),
    },
  );
  const latest = eligibility.data?.latest;
  const status = latest ? STATUS[latest.status] : undefined;
  const error = creating.error ?? importing.error;
  return (
    <Stack gap={4} data-testid={`eligibility-${coverageId}`}>
      {latest && status ? (
        <>
          <Group gap={6}>
            <Badge color={status.color} variant="light">
              {status.label}
            </Badge>
            <Text size="xs" c="dimmed">
              checked {toUsDate(latest.checkedOn)}
            </Text>
          </Group>
          {latest.status === 'rejected' ? (
            <Text size="xs">Payer reasons: {latest.rejectionReasons.join(', ')}</Text>
          ) : (
            <Text size="xs">
              Copay {dollars(latest.copayCents)}
              {latest.coinsuranceBasisPoints !== null && ` · coinsurance ${latest.coinsuranceBasisPoints / 100}%`} · deductible{' '}
              {dollars(latest.deductibleCents)}, remaining {dollars(latest.deductibleRemainingCents)}
              {latest.outOfPocketRemainingCents !== null && ` · out of pocket remaining ${dollars(latest.outOfPocketRemainingCents)}`}
            </Text>
          )}
        </>
      ) : (
        <Text size="xs" c="dimmed">
          Not checked yet
        </Text>
      )}
      <Group gap={4} wrap="nowrap">
        <Button size="compact-xs" variant="light" loading={creating.busy} onClick={() => void creating.submit()}>
          Create 270 <span className="visually-hidden">for {payerName}</span>
        </Button>
        <Button size="compact-xs" variant="light" loading={importing.busy} onClick={() => fileInput.current?.click()}>
          Import 271 <span className="visually-hidden">for {payerName}</span>
        </Button>
        <input
          ref={fileInput}
          type="file"
          accept=".x12,.271,.edi,.txt"
          aria-label={`271 file from ${payerName}`}
          className="visually-hidden"
          tabIndex={-1}
          onChange={async (e) => {
            const file = e.currentTarget.files?.[0];
            e.currentTarget.value = '';
            if (!file) return;
            setNote(null);
            await importing.submit(await file.text());
          }}
        />
      </Group>
      {error && (
        <Alert color="red" p={6} role="alert">
          {error}
        </Alert>
      )}
      {note && !error && (
        <Text size="xs" role="status">
          {note}
        </Text>
      )}
    </Stack>
  );
}
