/**
 * The office manager's dashboard (GET /api/dashboard): today's flow, the week's utilization per
 * provider and the no-show trend (charts with their figures in tables), tasks, on call, the
 * rota, credentials, training, hiring, equipment out of service and the money figures, at the selected
 * location or every location. Each tile links to the worklist behind it; "Download CSV" saves
 * the same figures. A section the user's roles do not reach is left out.
 */
import {
  Alert,
  Anchor,
  Button,
  Group,
  List,
  Loader,
  SegmentedControl,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Title,
  useMantineTheme,
} from '@mantine/core';
import { IconDownload } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import { Bar, BarChart, CartesianGrid, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { api, unwrap } from '../../api/client.ts';
import type { paths } from '../../api/schema';
import { money } from '../../app/money.ts';
import { Tile } from '../../app/Tile.tsx';
import { useSelectedLocation } from '../../app/use-selected-location.ts';
import { downloadCsv } from '../reports/reports-api.ts';

type Dashboard = paths['/api/dashboard']['get']['responses'][200]['content']['application/json'];
type Scope = 'location' | 'all';

export function OfficeDashboardPage() {
  const locationId = useSelectedLocation();
  const [scope, setScope] = useState<Scope>('location');
  const query = { scope, ...(scope === 'location' && locationId && { locationId }) };
  const dashboard = useQuery({
    queryKey: ['dashboard', query],
    queryFn: () => unwrap(api.GET('/api/dashboard', { params: { query } })),
    refetchInterval: 60_000,
  });
  const [csvError, setCsvError] = useState<string | null>(null);
  const d = dashboard.data;
  return (
    <Stack>
      <Group justify="space-between" align="flex-end">
        <Stack gap={2}>
          <Title order={1}>Office dashboard</Title>
          {d && <Text>Figures for {d.date}</Text>}
        </Stack>
        <Group gap="sm">
          <SegmentedControl
            aria-label="Which locations"
            data={[
              { value: 'location', label: 'This location' },
              { value: 'all', label: 'All locations' },
            ]}
            value={scope}
            onChange={(v) => setScope(v as Scope)}
          />
          <Button
            variant="default"
            leftSection={<IconDownload size={16} aria-hidden />}
            onClick={() => {
              setCsvError(null);
              downloadCsv('/api/dashboard', { ...query, format: 'csv' }).catch((e: Error) => setCsvError(e.message));
            }}
          >
            Download CSV
          </Button>
        </Group>
      </Group>
      {csvError && (
        <Alert color="red" role="alert">
          {csvError}
        </Alert>
      )}
      {dashboard.isPending && <Loader aria-label="Loading the dashboard" />}
      {dashboard.isError && <Alert color="red">{dashboard.error.message}</Alert>}
      {d && <Figures d={d} />}
    </Stack>
  );
}

function Figures({ d }: { d: Dashboard }) {
  return (
    <Stack>
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }}>
        {d.today && (
          <Tile title="Today's flow" testId="dash-today" count={d.today.scheduled} link={{ to: '/flow', label: 'Open the flow board' }}>
            <List size="sm" spacing={2}>
              <List.Item>{d.today.arrived} arrived</List.Item>
              <List.Item>{d.today.waiting} waiting now</List.Item>
              <List.Item>{d.today.withProvider} with a provider</List.Item>
              <List.Item>{d.today.checkedOut} checked out</List.Item>
              <List.Item>{d.today.noShows} no-shows</List.Item>
              <List.Item>
                Average wait: {d.today.averageWaitMinutes === null ? 'nobody yet' : `${d.today.averageWaitMinutes} min`}
              </List.Item>
            </List>
          </Tile>
        )}
        {d.tasks && (
          <Tile title="Tasks" testId="dash-tasks" count={d.tasks.open} link={{ to: '/tasks', label: 'Open the tasks' }}>
            <List size="sm" spacing={2}>
              <List.Item>{d.tasks.inProgress} in progress</List.Item>
              <List.Item>{d.tasks.overdue} overdue</List.Item>
              <List.Item>{d.tasks.slaBreached} past their service level</List.Item>
            </List>
          </Tile>
        )}
        {d.onCall && (
          <Tile
            title="On call now"
            testId="dash-on-call"
            count={d.onCall.now.length}
            empty="Nobody is on call now."
            link={{ to: '/on-call', label: 'Open the on-call rota' }}
          >
            <List size="sm" spacing={2}>
              {d.onCall.now.map((o) => (
                <List.Item key={`${o.userId}-${o.locationId}`}>
                  {o.name} ({o.tier}) until {new Date(o.until).toLocaleString([], { weekday: 'short', hour: 'numeric', minute: '2-digit' })}
                </List.Item>
              ))}
            </List>
          </Tile>
        )}
        {d.staffing && (
          <Tile title="Rota" testId="dash-rota" count={d.staffing.coverageGaps} link={{ to: '/rota', label: 'Open the rota' }}>
            <Text size="sm">
              {d.staffing.coverageGaps} coverage {d.staffing.coverageGaps === 1 ? 'gap' : 'gaps'} this week; {d.staffing.pendingTimeOff}{' '}
              time-off {d.staffing.pendingTimeOff === 1 ? 'request' : 'requests'} waiting.
            </Text>
            {d.staffing.pendingTimeOff > 0 && (
              <Anchor component={Link} to="/time-off" size="sm">
                Decide time off
              </Anchor>
            )}
          </Tile>
        )}
        {d.credentials && (
          <Tile
            title="Credentials"
            testId="dash-credentials"
            count={d.credentials.expired + d.credentials.dueSoon}
            link={{ to: '/credentials', label: 'Open the credentials' }}
          >
            <Text size="sm">
              {d.credentials.expired} expired; {d.credentials.dueSoon} expiring within {d.credentials.withinDays} days.
            </Text>
          </Tile>
        )}
        {d.training && (
          <Tile title="Training" testId="dash-training" count={d.training.overdue} link={{ to: '/training', label: 'Open the training' }}>
            <Text size="sm">
              {d.training.overdue} overdue; {d.training.dueSoon} due soon.
            </Text>
          </Tile>
        )}
        {d.hiring && (
          <Tile
            title="Hiring"
            testId="dash-hiring"
            count={d.hiring.openPositions}
            empty="No position is open."
            link={{ to: '/hiring', label: 'Open hiring' }}
          >
            <List size="sm" spacing={2}>
              <List.Item>
                {d.hiring.openingsToFill} {d.hiring.openingsToFill === 1 ? 'place' : 'places'} to fill
                {d.hiring.onHoldPositions > 0 && `; ${d.hiring.onHoldPositions} on hold`}
              </List.Item>
              <List.Item>
                {d.hiring.applied} applied, {d.hiring.screening} screening, {d.hiring.interview} interviewing, {d.hiring.offer}{' '}
                {d.hiring.offer === 1 ? 'offer' : 'offers'} out
              </List.Item>
              <List.Item>
                {d.hiring.interviewsSoon} {d.hiring.interviewsSoon === 1 ? 'interview' : 'interviews'} in the next {d.hiring.interviewDays}{' '}
                days
              </List.Item>
            </List>
          </Tile>
        )}
        {d.equipment && (
          <Tile
            title="Equipment out of service"
            testId="dash-equipment"
            count={d.equipment.outOfService}
            empty="Every room is in service."
            link={{ to: '/equipment', label: 'Open the equipment' }}
          >
            <List size="sm" spacing={2}>
              {d.equipment.faults.map((f) => (
                <List.Item key={f.faultId}>
                  <Anchor component={Link} to={`/equipment?fault=${f.faultId}`}>
                    {f.equipmentName}
                    {f.roomName ? ` in ${f.roomName}` : ''}
                  </Anchor>
                  {f.affectedAppointments > 0 &&
                    ` · ${f.affectedAppointments} booked ${f.affectedAppointments === 1 ? 'visit' : 'visits'} to move`}
                </List.Item>
              ))}
            </List>
          </Tile>
        )}
        {d.finance && (
          <Tile title="Money" testId="dash-money" link={{ to: '/reports/finance', label: 'Open the finance reports' }}>
            <List size="sm" spacing={2}>
              <List.Item>Collected in the last 30 days: {money(d.finance.collectedCents)}</List.Item>
              <List.Item>
                A/R: {money(d.finance.totalArCents)}
                {d.finance.daysInAr !== null && ` (${d.finance.daysInAr} days)`}
              </List.Item>
              <List.Item>
                Denial rate (90 days): {d.finance.denialRate === null ? 'no adjudications' : `${d.finance.denialRate}%`}{' '}
                <Anchor component={Link} to="/billing/denials" size="sm">
                  Denials
                </Anchor>
              </List.Item>
            </List>
          </Tile>
        )}
      </SimpleGrid>
      {d.utilization && <Utilization u={d.utilization} />}
      {d.noShowTrend && <NoShowTrend weeks={d.noShowTrend} />}
    </Stack>
  );
}

function Utilization({ u }: { u: NonNullable<Dashboard['utilization']> }) {
  const theme = useMantineTheme();
  const rows = u.providers.map((p) => ({ name: p.name, percent: p.percent ?? 0 }));
  return (
    <Stack gap="xs" component="section" aria-labelledby="utilization-title" data-testid="dash-utilization">
      <Group justify="space-between">
        <Title order={2} size="h3" id="utilization-title">
          Utilization this week ({u.from} to {u.to})
        </Title>
        <Anchor component={Link} to="/schedule" size="sm">
          Open the schedule
        </Anchor>
      </Group>
      {u.providers.length === 0 ? (
        <Text size="sm">No provider has working hours this week.</Text>
      ) : (
        <>
          <div role="img" aria-label="Utilization per provider (chart; the table has the figures)">
            <ResponsiveContainer width="100%" height={Math.max(120, 40 * rows.length)}>
              <BarChart data={rows} layout="vertical" margin={{ left: 24 }}>
                <CartesianGrid strokeDasharray="3 3" />
                <XAxis type="number" domain={[0, 100]} unit="%" />
                <YAxis type="category" dataKey="name" width={160} />
                <Tooltip />
                <Bar dataKey="percent" name="Booked" fill={theme.colors.blue?.[7] ?? '#1971c2'} />
              </BarChart>
            </ResponsiveContainer>
          </div>
          <Table striped aria-label="Utilization per provider" w="auto">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Provider</Table.Th>
                <Table.Th>Booked</Table.Th>
                <Table.Th>Working</Table.Th>
                <Table.Th>Utilization</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {u.providers.map((p) => (
                <Table.Tr key={p.providerId}>
                  <Table.Td>{p.name}</Table.Td>
                  <Table.Td>{hours(p.bookedMinutes)}</Table.Td>
                  <Table.Td>{hours(p.workingMinutes)}</Table.Td>
                  <Table.Td>{p.percent === null ? '—' : `${p.percent}%`}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </>
      )}
    </Stack>
  );
}

function NoShowTrend({ weeks }: { weeks: NonNullable<Dashboard['noShowTrend']> }) {
  const theme = useMantineTheme();
  return (
    <Stack gap="xs" component="section" aria-labelledby="no-show-title" data-testid="dash-no-shows">
      <Title order={2} size="h3" id="no-show-title">
        No-show rate by week
      </Title>
      <div role="img" aria-label="No-show rate by week (chart; the table has the figures)">
        <ResponsiveContainer width="100%" height={220}>
          <LineChart data={weeks.map((w) => ({ week: w.weekStart, rate: w.rate }))}>
            <CartesianGrid strokeDasharray="3 3" />
            <XAxis dataKey="week" />
            <YAxis unit="%" />
            <Tooltip />
            <Line dataKey="rate" name="No-show rate" stroke={theme.colors.red?.[8] ?? '#c92a2a'} connectNulls />
          </LineChart>
        </ResponsiveContainer>
      </div>
      <Table striped aria-label="No-show rate by week" w="auto">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Week of</Table.Th>
            <Table.Th>Visits</Table.Th>
            <Table.Th>No-shows</Table.Th>
            <Table.Th>Rate</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {weeks.map((w) => (
            <Table.Tr key={w.weekStart}>
              <Table.Td>{w.weekStart}</Table.Td>
              <Table.Td>{w.visits}</Table.Td>
              <Table.Td>{w.noShows}</Table.Td>
              <Table.Td>{w.rate === null ? '—' : `${w.rate}%`}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Stack>
  );
}

const hours = (minutes: number) => `${Math.floor(minutes / 60)} h ${String(minutes % 60).padStart(2, '0')}`;
