/**
 * Complaints (managers): the month's report (by category, severity, status; overdue; patients
 * told), the log newest first, and "Work" to assign, resolve or close one (If-Match).
 */
import {
  Alert,
  Badge,
  Button,
  Card,
  Checkbox,
  Group,
  Loader,
  Modal,
  Select,
  SimpleGrid,
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
import { api, unwrap } from '../../api/client.ts';
import { fieldErrors } from '../../api/problem.ts';
import { useSubmit } from '../../api/use-submit.ts';
import { useAssigneeOptions } from '../tasks/use-assignees.ts';
import {
  CATEGORY_LABELS,
  type Complaint,
  type ComplaintReport,
  options,
  SEVERITY_COLORS,
  SEVERITY_LABELS,
  STATUS_LABELS,
} from './complaints-api.ts';
import { LogComplaintForm } from './LogComplaintForm.tsx';
import { complaintKeys } from './query-keys.ts';

const thisMonth = () => new Date().toLocaleDateString('en-CA').slice(0, 7);

export function ComplaintsPage() {
  const [month, setMonth] = useState(thisMonth());
  const [working, setWorking] = useState<Complaint | null>(null);
  const [adding, setAdding] = useState(false);
  const valid = /^\d{4}-(0[1-9]|1[0-2])$/.test(month);
  const report = useQuery({
    queryKey: complaintKeys.report(month),
    queryFn: () => unwrap(api.GET('/api/complaints/report', { params: { query: { month } } })),
    enabled: valid,
  });
  const list = useQuery({
    queryKey: complaintKeys.list({}),
    queryFn: () => unwrap(api.GET('/api/complaints', { params: { query: { limit: 200 } } })),
  });
  return (
    <Stack>
      <Group justify="space-between">
        <Title order={1}>Complaints</Title>
        <Button leftSection={<IconPlus size={16} />} variant="default" onClick={() => setAdding(true)}>
          Log a concern
        </Button>
      </Group>
      <Group align="flex-end">
        <TextInput type="month" label="Report month" value={month} onChange={(e) => setMonth(e.currentTarget.value)} w={200} />
      </Group>
      {report.isPending && valid && <Loader aria-label="Loading report" />}
      {report.data && <ReportCards report={report.data} />}
      <Title order={2} size="h3">
        All complaints
      </Title>
      {list.isPending && <Loader aria-label="Loading complaints" />}
      {list.isError && <Alert color="red">{list.error.message}</Alert>}
      {list.data?.items.length === 0 && <Text>No complaints logged.</Text>}
      {list.data && list.data.items.length > 0 && (
        <Table.ScrollContainer minWidth={760}>
          <Table striped aria-label="Complaints" data-testid="complaint-list">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Received</Table.Th>
                <Table.Th>Who</Table.Th>
                <Table.Th>What</Table.Th>
                <Table.Th>Severity</Table.Th>
                <Table.Th>Status</Table.Th>
                <Table.Th>Owner, due</Table.Th>
                <Table.Th>
                  <span className="visually-hidden">Actions</span>
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {list.data.items.map((c) => (
                <Table.Tr key={c.id} data-testid="complaint-row">
                  <Table.Td>{c.receivedOn}</Table.Td>
                  <Table.Td>{[c.patientName, c.complainant].filter(Boolean).join(' · ')}</Table.Td>
                  <Table.Td>
                    <Text size="sm" fw={500}>
                      {CATEGORY_LABELS[c.category]}
                    </Text>
                    <Text size="xs" lineClamp={2}>
                      {c.description}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Badge variant="light" color={SEVERITY_COLORS[c.severity]}>
                      {SEVERITY_LABELS[c.severity]}
                    </Badge>
                  </Table.Td>
                  <Table.Td>
                    {STATUS_LABELS[c.status]}
                    {c.patientInformed && (
                      <Text size="xs" c="dimmed">
                        Patient told
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{c.ownerName ?? 'No owner'}</Text>
                    <Text size="xs">
                      {c.dueOn ? `due ${c.dueOn}` : ''}
                      {c.overdue && (
                        <Badge ml={4} size="xs" color="red" variant="light">
                          Overdue
                        </Badge>
                      )}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Button
                      size="compact-sm"
                      variant="light"
                      onClick={() => setWorking(c)}
                      aria-label={`Work the complaint received ${c.receivedOn}`}
                    >
                      Work
                    </Button>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <Modal opened={working !== null} onClose={() => setWorking(null)} title="Work the complaint" size="lg">
        {working && <WorkComplaintForm complaint={working} onSaved={() => setWorking(null)} />}
      </Modal>
      <Modal opened={adding} onClose={() => setAdding(false)} title="Log a concern" size="lg">
        {adding && (
          <LogComplaintForm
            onSaved={() => {
              setAdding(false);
              notifications.show({ color: 'green', message: 'Concern logged' });
            }}
          />
        )}
      </Modal>
    </Stack>
  );
}

function ReportCards({ report }: { report: ComplaintReport }) {
  const line = (rows: { value: string; count: number }[], labels: Record<string, string>) =>
    rows
      .filter((r) => r.count > 0)
      .map((r) => `${labels[r.value]} ${r.count}`)
      .join(' · ') || 'None';
  return (
    <SimpleGrid cols={{ base: 1, sm: 2, md: 4 }} data-testid="complaint-report">
      <Card withBorder>
        <Text size="sm">Received</Text>
        <Text fw={700} size="xl">
          {report.total}
        </Text>
        <Text size="xs">
          {report.overdue} overdue · {report.patientInformed} patients told
        </Text>
      </Card>
      <Card withBorder>
        <Text size="sm">By category</Text>
        <Text size="sm">{line(report.byCategory, CATEGORY_LABELS)}</Text>
      </Card>
      <Card withBorder>
        <Text size="sm">By severity</Text>
        <Text size="sm">{line(report.bySeverity, SEVERITY_LABELS)}</Text>
      </Card>
      <Card withBorder>
        <Text size="sm">By status</Text>
        <Text size="sm">{line(report.byStatus, STATUS_LABELS)}</Text>
      </Card>
    </SimpleGrid>
  );
}

function WorkComplaintForm(props: { complaint: Complaint; onSaved(): void }) {
  const c = props.complaint;
  const [status, setStatus] = useState(c.status);
  const [ownerId, setOwnerId] = useState<string | null>(c.ownerId);
  const [dueOn, setDueOn] = useState(c.dueOn ?? '');
  const [resolution, setResolution] = useState(c.resolution ?? '');
  const [informed, setInformed] = useState(c.patientInformed);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const owners = useAssigneeOptions();
  const saving = useSubmit(
    () =>
      api.PATCH('/api/complaints/{id}', {
        params: { path: { id: c.id } },
        headers: { 'if-match': `"${c.version}"` },
        body: { status, ownerId, dueOn: dueOn || null, resolution: resolution.trim() || null, patientInformed: informed },
      }),
    {
      invalidate: [complaintKeys.all],
      onSuccess: () => {
        notifications.show({ color: 'green', message: 'Complaint saved' });
        props.onSaved();
      },
      onProblem: (problem) => {
        setErrors(fieldErrors(problem));
        return problem.detail;
      },
    },
  );
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        setErrors({});
        void saving.submit();
      }}
    >
      <Stack gap="sm">
        <Text size="sm">{c.description}</Text>
        <Group grow align="flex-start">
          <Select
            label="Status"
            data={options(STATUS_LABELS)}
            value={status}
            onChange={(v) => v && setStatus(v as Complaint['status'])}
            allowDeselect={false}
            data-autofocus
          />
          <Select
            label="Owner"
            placeholder="No owner"
            data={owners}
            value={ownerId}
            onChange={setOwnerId}
            searchable
            clearable
            error={errors.ownerId}
          />
          <TextInput type="date" label="Due" value={dueOn} onChange={(e) => setDueOn(e.currentTarget.value)} error={errors.dueOn} />
        </Group>
        <Textarea
          label="Resolution"
          value={resolution}
          onChange={(e) => setResolution(e.currentTarget.value)}
          error={errors.resolution}
          rows={3}
          maxLength={4000}
        />
        <Checkbox label="The patient was told the outcome" checked={informed} onChange={(e) => setInformed(e.currentTarget.checked)} />
        {saving.error && (
          <Alert color="red" role="alert">
            {saving.error}
          </Alert>
        )}
        <Group justify="flex-end">
          <Button type="submit" loading={saving.busy}>
            Save
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
