/** The waiting list's fill-rate report (report:read): offers made, accepted, expired, and how many freed slots it filled. */
import { Alert, Group, Paper, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { api, unwrap } from '../../api/client.ts';
import { waitlistKeys } from './query-keys.ts';
import type { WaitlistReport } from './waitlist-api.ts';

function Figure(props: { label: string; value: string | number; testId: string }) {
  return (
    <Stack gap={0}>
      <Text size="xl" fw={700} data-testid={props.testId}>
        {props.value}
      </Text>
      <Text size="sm" c="dimmed">
        {props.label}
      </Text>
    </Stack>
  );
}

const percent = (r: WaitlistReport) => `${Math.round(r.fillRate * 100)}%`;

export function FillRateReport() {
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const report = useQuery({
    queryKey: waitlistKeys.report(from, to),
    queryFn: () =>
      unwrap(
        api.GET('/api/waitlist/report', {
          params: { query: { ...(from ? { from: `${from}T00:00:00` } : {}), ...(to ? { to: `${to}T23:59:59` } : {}) } },
        }),
      ),
  });
  return (
    <Paper withBorder p="md" data-testid="fill-rate-report">
      <Stack gap="sm">
        <Group justify="space-between" align="flex-end">
          <Title order={2} size="h4">
            Fill rate
          </Title>
          <Group gap="xs">
            <TextInput type="date" label="From" value={from} onChange={(e) => setFrom(e.currentTarget.value)} size="xs" />
            <TextInput type="date" label="To" value={to} onChange={(e) => setTo(e.currentTarget.value)} size="xs" />
          </Group>
        </Group>
        {report.isError && <Alert color="red">{report.error.message}</Alert>}
        {report.data && (
          <>
            <SimpleGrid cols={{ base: 2, sm: 4 }}>
              <Figure label="Offers made" value={report.data.offersMade} testId="report-offers" />
              <Figure label="Accepted" value={report.data.accepted} testId="report-accepted" />
              <Figure label="Expired" value={report.data.expired} testId="report-expired" />
              <Figure label="Fill rate" value={percent(report.data)} testId="report-fill-rate" />
            </SimpleGrid>
            <Text size="sm" c="dimmed">
              {report.data.slotsFilled} of {report.data.slotsOffered} freed slots filled from the list; {report.data.open} offers open,{' '}
              {report.data.withdrawn} withdrawn; {report.data.bookedByStaff} booked by hand.
            </Text>
          </>
        )}
      </Stack>
    </Paper>
  );
}
