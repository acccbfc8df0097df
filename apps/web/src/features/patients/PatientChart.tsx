/** The chart: header (name, age, DOB, MRN, alerts, banners such as allergies, coverages, balance), then the tabs of chart-tabs.tsx. */
import { Alert, Badge, Button, Card, Group, Loader, Stack, Tabs, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { ApiError } from '../../api/problem.ts';
import { useCan } from '../auth/use-me.ts';
import { BreakGlassPrompt } from './BreakGlassPrompt.tsx';
import { CHART_BANNERS, CHART_TABS } from './chart-tabs.tsx';
import { ageOf, coveragesQuery, patientQuery } from './patients-api.ts';
import { toUsDate } from './us-date.ts';

export function PatientChart(props: { id: string; onOpen: (id: string) => void; onBack: () => void; onMerge: (id: string) => void }) {
  const can = useCan();
  const patient = useQuery(patientQuery(props.id));
  const coverages = useQuery(coveragesQuery(props.id));
  if (patient.isPending) return <Loader aria-label="Loading patient" />;
  if (patient.isError) {
    const notFound = patient.error instanceof ApiError && patient.error.problem.status === 404;
    return (
      <Stack>
        <Alert color="red">{patient.error.message}</Alert>
        {notFound && can('break_glass') && <BreakGlassPrompt patientId={props.id} />}
      </Stack>
    );
  }
  const p = patient.data;
  const tabs = CHART_TABS.filter((t) => can(t.permission));
  const banners = CHART_BANNERS.filter((b) => can(b.permission));
  return (
    <Stack>
      <Group>
        <Button variant="subtle" onClick={props.onBack}>
          ← Patients
        </Button>
      </Group>
      {p.mergedIntoId && (
        <Alert color="yellow" title="This record was merged">
          <Button size="xs" onClick={() => props.onOpen(p.mergedIntoId as string)}>
            Open the surviving record
          </Button>
        </Alert>
      )}
      <Card withBorder data-testid="chart-header">
        <Group justify="space-between" align="flex-start">
          <div>
            <Title order={1}>
              {p.familyName}, {p.givenName} {p.middleName ?? ''} {p.suffix ?? ''}
              {p.preferredName && (
                <Text span c="dimmed">
                  {' '}
                  “{p.preferredName}”
                </Text>
              )}
            </Title>
            <Text>
              {ageOf(p.birthDate)} y · born {toUsDate(p.birthDate)} · {p.sex} · MRN {p.mrn}
            </Text>
            <Group gap="xs" mt="xs">
              {p.restricted && <Badge color="red">restricted</Badge>}
              {p.status !== 'active' && <Badge color="gray">{p.status}</Badge>}
              {p.alerts.map((a) => (
                <Badge key={a} color="orange" variant="light">
                  {a}
                </Badge>
              ))}
            </Group>
            {banners.map((b) => (
              <div key={b.key}>{b.banner(p)}</div>
            ))}
          </div>
          <Stack gap={4} align="flex-end">
            {coverages.data?.items.map((c) => (
              <Text key={c.id} size="sm">
                {c.priority}: {c.payerName} {c.memberId}
              </Text>
            ))}
            {coverages.data?.items.length === 0 && <Text size="sm">Self-pay</Text>}
            <Text size="sm" c="dimmed">
              Balance: — (billing)
            </Text>
            {!p.mergedIntoId && (
              <Button size="xs" variant="default" onClick={() => props.onMerge(p.id)}>
                Merge a duplicate into this record
              </Button>
            )}
          </Stack>
        </Group>
      </Card>
      <Tabs defaultValue="demographics" keepMounted={false}>
        <Tabs.List>
          {tabs.map((t) => (
            <Tabs.Tab key={t.value} value={t.value}>
              {t.label}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        {tabs.map((t) => (
          <Tabs.Panel key={t.value} value={t.value}>
            {t.panel(p)}
          </Tabs.Panel>
        ))}
      </Tabs>
    </Stack>
  );
}
