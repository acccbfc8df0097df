/**
 * Complaints (managers): the month's report (by category, severity, status; overdue; patients
 * told), the log newest first, and "Work" to assign, resolve or close one (If-Match).
 */
import {
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
import { ListTable } from '../../app/ListTable.tsx';
import { ProblemForm } from '../../app/ProblemForm.tsx';
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
      <ListTable
        aria-label="Complaints"
        data-testid="complaint-list"
        minWidth={760}
        query={list}
        loadingLabel="Loading complaints"
        rows={list.data?.items}
        rowKey={(c) => c.id}
        rowTestId="complaint-row"
        empty="No complaints logged."
        columns={[
          { header: 'Received', cell: (c) => c.receivedOn },
          { header: 'Who', cell: (c) => [c.patientName, c.complainant].filter(Boolean).join(' · ') },
          {
            header: 'What',
            cell: (c) => (
              <>
                <Text size="sm" fw={500}>
                  {CATEGORY_LABELS[c.category]}
                </Text>
                <Text size="xs" lineClamp={2}>
                  {c.description}
                </Text>
              </>
            ),
          },
          {
            header: 'Severity',
            cell: (c) => (
              <Badge variant="light" color={SEVERITY_COLORS[c.severity]}>
                {SEVERITY_LABELS[c.severity]}
              </Badge>
            ),
          },
          {
            header: 'Status',
            cell: (c) => (
              <>
                {STATUS_LABELS[c.status]}
                {c.patientInformed && (
                  <Text size="xs" c="dimmed">
                    Patient told
                  </Text>
                )}
              </>
            ),
          },
          {
            header: 'Owner, due',
            cell: (c) => (
              <>
                <Text size="sm">{c.ownerName ?? 'No owner'}</Text>
                <Text size="xs">
                  {c.dueOn ? `due ${c.dueOn}` : ''}
                  {c.overdue && (
                    <Badge ml={4} size="xs" color="red" variant="light">
                      Overdue
                    </Badge>
                  )}
                </Text>
              </>
            ),
          },
        ]}
        actions={(c) => (
          <Button
            size="compact-sm"
            variant="light"
            onClick={() => setWorking(c)}
            aria-label={`Work the complaint received ${c.receivedOn}`}
          >
            Work
          </Button>
        )}
      />
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
    },
  );
  return (
    <ProblemForm saving={saving} submitLabel="Save">
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
          error={saving.errors.ownerId}
        />
        <TextInput type="date" label="Due" value={dueOn} onChange={(e) => setDueOn(e.currentTarget.value)} error={saving.errors.dueOn} />
      </Group>
      <Textarea
        label="Resolution"
        value={resolution}
        onChange={(e) => setResolution(e.currentTarget.value)}
        error={saving.errors.resolution}
        rows={3}
        maxLength={4000}
      />
      <Checkbox label="The patient was told the outcome" checked={informed} onChange={(e) => setInformed(e.currentTarget.checked)} />
    </ProblemForm>
  );
}
