/**
 * Recall campaigns: the list, a new campaign (selection, stage days, letter template) with a
 * preview count, and a campaign's detail: start / pause / resume / stop, the report (sent and
 * skipped per stage, responses, booked rate) with its CSV, and the members worklist where the
 * desk records "declined" or "unreachable".
 */
import {
  Alert,
  Badge,
  Button,
  Card,
  Group,
  Loader,
  Modal,
  MultiSelect,
  NumberInput,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
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
import { campaignKeys } from './query-keys.ts';

type Campaign = Awaited<ReturnType<typeof loadCampaign>>;
type Member = Awaited<ReturnType<typeof loadMembers>>['items'][number];

const loadCampaign = (id: string) => unwrap(api.GET('/api/campaigns/{id}', { params: { path: { id } } }));
const loadMembers = (id: string, response: string) =>
  unwrap(
    api.GET('/api/campaigns/{id}/members', {
      params: { path: { id }, query: { limit: 200, ...(response !== 'all' && { response: response as 'none' }) } },
    }),
  );

const RECALL_TYPES = [
  { value: 'annual_physical', label: 'Annual physical' },
  { value: 'wellness', label: 'Wellness visit' },
  { value: 'diabetic_eye', label: 'Diabetic eye exam' },
  { value: 'mammogram', label: 'Mammogram' },
  { value: 'colonoscopy', label: 'Colonoscopy' },
  { value: 'lab', label: 'Lab work' },
  { value: 'other', label: 'Other' },
];
const STATUS_COLORS: Record<string, string> = { draft: 'gray', running: 'green', paused: 'yellow', stopped: 'red' };
const RESPONSE_LABELS: Record<string, string> = {
  none: 'No response yet',
  booked: 'Booked',
  declined: 'Declined',
  unreachable: 'Unreachable',
};
const STAGE_LABELS: Record<string, string> = { email: 'Email', sms: 'Text', letter: 'Letter', done: 'All stages run' };
const today = () => new Date().toLocaleDateString('en-CA');

export function CampaignsPage() {
  const [adding, setAdding] = useState(false);
  const [selected, setSelected] = useState<string | null>(null);
  const list = useQuery({
    queryKey: campaignKeys.lists(),
    queryFn: () => unwrap(api.GET('/api/campaigns', { params: { query: { limit: 100 } } })),
  });
  return (
    <Stack>
      <Group justify="space-between">
        <Title order={1}>Recall campaigns</Title>
        <Button leftSection={<IconPlus size={16} />} onClick={() => setAdding(true)}>
          New campaign
        </Button>
      </Group>
      {list.isPending && <Loader aria-label="Loading campaigns" />}
      {list.isError && <Alert color="red">{list.error.message}</Alert>}
      {list.data?.items.length === 0 && <Text>No campaigns yet.</Text>}
      {list.data && list.data.items.length > 0 && (
        <Table.ScrollContainer minWidth={640}>
          <Table striped aria-label="Campaigns">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Name</Table.Th>
                <Table.Th>Status</Table.Th>
                <Table.Th>Enrolled</Table.Th>
                <Table.Th>Booked</Table.Th>
                <Table.Th>
                  <span className="visually-hidden">Actions</span>
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {list.data.items.map((c) => (
                <Table.Tr key={c.id}>
                  <Table.Td>{c.name}</Table.Td>
                  <Table.Td>
                    <Badge variant="light" color={STATUS_COLORS[c.status]}>
                      {c.status}
                    </Badge>
                  </Table.Td>
                  <Table.Td>{c.enrolled}</Table.Td>
                  <Table.Td>{c.responses.booked}</Table.Td>
                  <Table.Td>
                    <Button size="compact-sm" variant="light" onClick={() => setSelected(c.id)} aria-label={`Open campaign ${c.name}`}>
                      Open
                    </Button>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {selected && <CampaignDetail id={selected} />}
      <Modal opened={adding} onClose={() => setAdding(false)} title="New recall campaign" size="lg">
        {adding && (
          <NewCampaignForm
            onSaved={(id) => {
              setAdding(false);
              setSelected(id);
            }}
          />
        )}
      </Modal>
    </Stack>
  );
}

function NewCampaignForm(props: { onSaved(id: string): void }) {
  const [name, setName] = useState('Overdue recalls');
  const [types, setTypes] = useState<string[]>(['annual_physical']);
  const [due, setDue] = useState(today());
  const [days, setDays] = useState({ email: 0, sms: 7, letter: 14 });
  const [templateId, setTemplateId] = useState<string | null>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const templates = useQuery({
    queryKey: ['letter-templates', 'campaign-picker'],
    queryFn: () => unwrap(api.GET('/api/letter-templates', { params: { query: {} } })),
  });
  const selection = { recallTypes: types as 'lab'[], dueOnOrBefore: due };
  const preview = useQuery({
    queryKey: [...campaignKeys.all, 'preview', types, due],
    queryFn: () => unwrap(api.POST('/api/campaigns/preview', { body: selection })),
    enabled: types.length > 0 && /^\d{4}-\d{2}-\d{2}$/.test(due),
  });
  const saving = useSubmit(
    () =>
      api.POST('/api/campaigns', {
        body: {
          name,
          ...selection,
          emailAfterDays: days.email,
          smsAfterDays: days.sms,
          letterAfterDays: days.letter,
          letterTemplateId: templateId,
        },
      }),
    {
      invalidate: [campaignKeys.all],
      onSuccess: (c) => {
        notifications.show({ color: 'green', message: 'Campaign saved as a draft' });
        props.onSaved(c.id);
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
        <TextInput label="Name" value={name} onChange={(e) => setName(e.currentTarget.value)} error={errors.name} required data-autofocus />
        <MultiSelect label="Recall types" data={RECALL_TYPES} value={types} onChange={setTypes} error={errors.recallTypes} />
        <TextInput
          type="date"
          label="Due on or before"
          value={due}
          onChange={(e) => setDue(e.currentTarget.value)}
          error={errors.dueOnOrBefore}
        />
        <Group grow>
          <NumberInput
            label="Email after (days)"
            min={0}
            max={365}
            value={days.email}
            onChange={(v) => setDays({ ...days, email: Number(v) || 0 })}
            error={errors.emailAfterDays}
          />
          <NumberInput
            label="Text after (days)"
            min={0}
            max={365}
            value={days.sms}
            onChange={(v) => setDays({ ...days, sms: Number(v) || 0 })}
            error={errors.smsAfterDays}
          />
          <NumberInput
            label="Letter after (days)"
            min={0}
            max={365}
            value={days.letter}
            onChange={(v) => setDays({ ...days, letter: Number(v) || 0 })}
            error={errors.letterAfterDays}
          />
        </Group>
        <Select
          label="Letter template (the letter stage)"
          placeholder="No letters"
          clearable
          data={(templates.data?.items ?? []).map((t) => ({ value: t.id, label: t.name }))}
          value={templateId}
          onChange={setTemplateId}
          error={errors.letterTemplateId}
        />
        <Text size="sm" aria-live="polite" data-testid="campaign-preview">
          {preview.data
            ? `${preview.data.wouldEnroll} recalls would be enrolled${preview.data.matching > preview.data.enrolmentCap ? ` (capped at ${preview.data.enrolmentCap})` : ''}.`
            : 'Counting the matching recalls…'}
        </Text>
        {saving.error && (
          <Alert color="red" role="alert">
            {saving.error}
          </Alert>
        )}
        <Group justify="flex-end">
          <Button type="submit" loading={saving.busy}>
            Save draft
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function CampaignDetail(props: { id: string }) {
  const [response, setResponse] = useState('none');
  const campaign = useQuery({ queryKey: campaignKeys.one(props.id), queryFn: () => loadCampaign(props.id) });
  const report = useQuery({
    queryKey: campaignKeys.report(props.id),
    queryFn: () => unwrap(api.GET('/api/campaigns/{id}/report', { params: { path: { id: props.id } } })),
  });
  const members = useQuery({ queryKey: campaignKeys.members(props.id, response), queryFn: () => loadMembers(props.id, response) });
  const move = useSubmit(
    (c: Campaign, status: 'running' | 'paused' | 'stopped') =>
      api.PATCH('/api/campaigns/{id}', { params: { path: { id: c.id } }, headers: { 'if-match': `"${c.version}"` }, body: { status } }),
    { invalidate: [campaignKeys.all] },
  );
  const c = campaign.data;
  if (!c) return campaign.isError ? <Alert color="red">{campaign.error.message}</Alert> : <Loader aria-label="Loading the campaign" />;
  return (
    <Stack>
      <Group justify="space-between">
        <Title order={2} size="h3">
          {c.name}{' '}
          <Badge variant="light" color={STATUS_COLORS[c.status]}>
            {c.status}
          </Badge>
        </Title>
        <Group>
          {c.status === 'draft' && <Button onClick={() => void move.submit(c, 'running')}>Start</Button>}
          {c.status === 'running' && (
            <Button variant="default" onClick={() => void move.submit(c, 'paused')}>
              Pause
            </Button>
          )}
          {c.status === 'paused' && <Button onClick={() => void move.submit(c, 'running')}>Resume</Button>}
          {c.status !== 'stopped' && (
            <Button color="red" variant="light" onClick={() => void move.submit(c, 'stopped')}>
              Stop
            </Button>
          )}
          <Button component="a" variant="subtle" href={`/api/campaigns/${c.id}/report.csv`}>
            Report CSV
          </Button>
        </Group>
      </Group>
      {move.error && <Alert color="red">{move.error}</Alert>}
      <Text size="sm">
        Email on day {c.emailAfterDays}, text on day {c.smsAfterDays}, letter on day {c.letterAfterDays}. {c.enrolled} enrolled
        {c.capped ? ` (capped at ${c.enrolmentCap})` : ''}.
      </Text>
      {report.data && (
        <SimpleGrid cols={{ base: 1, sm: 2, md: 4 }} data-testid="campaign-report">
          {report.data.stages.map((s) => (
            <Card withBorder key={s.stage}>
              <Text size="sm">{STAGE_LABELS[s.stage]}</Text>
              <Text fw={700} size="xl">
                {s.sent} sent
              </Text>
              <Text size="xs">
                skipped: {s.noConsent} no consent · {s.noContact} no contact
              </Text>
            </Card>
          ))}
          <Card withBorder>
            <Text size="sm">Responses</Text>
            <Text fw={700} size="xl">
              {Math.round(report.data.bookedRate * 1000) / 10}% booked
            </Text>
            <Text size="xs">
              {report.data.responses.booked} booked · {report.data.responses.declined} declined · {report.data.responses.unreachable}{' '}
              unreachable · {report.data.responses.none} no response yet
            </Text>
          </Card>
        </SimpleGrid>
      )}
      <Group align="flex-end">
        <Select
          label="Show"
          w={220}
          allowDeselect={false}
          data={[{ value: 'all', label: 'Everyone' }, ...Object.entries(RESPONSE_LABELS).map(([value, label]) => ({ value, label }))]}
          value={response}
          onChange={(v) => v && setResponse(v)}
        />
      </Group>
      {members.isPending && <Loader aria-label="Loading members" />}
      {members.data && (
        <Table.ScrollContainer minWidth={720}>
          <Table striped aria-label="Patients in the campaign">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Patient</Table.Th>
                <Table.Th>Recall due</Table.Th>
                <Table.Th>Stages run</Table.Th>
                <Table.Th>Next</Table.Th>
                <Table.Th>Response</Table.Th>
                <Table.Th>
                  <span className="visually-hidden">Actions</span>
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {members.data.items.map((m) => (
                <MemberRow key={m.id} campaignId={c.id} member={m} />
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Stack>
  );
}

function MemberRow(props: { campaignId: string; member: Member }) {
  const m = props.member;
  const respond = useSubmit(
    (answer: 'declined' | 'unreachable' | 'none') =>
      api.PATCH('/api/campaigns/{id}/members/{memberId}', {
        params: { path: { id: props.campaignId, memberId: m.id } },
        headers: { 'if-match': `"${m.version}"` },
        body: { response: answer, note: answer === 'none' ? '' : (window.prompt('Note (optional)') ?? '') },
      }),
    { invalidate: [campaignKeys.all] },
  );
  return (
    <Table.Tr>
      <Table.Td>{m.patientName}</Table.Td>
      <Table.Td>{m.recallDueDate}</Table.Td>
      <Table.Td>
        <Text size="xs">
          {m.sends.map((s) => `${STAGE_LABELS[s.stage]}: ${s.outcome === 'sent' ? 'sent' : 'skipped'}`).join(' · ') || '—'}
        </Text>
      </Table.Td>
      <Table.Td>{m.nextStageAt ? `${STAGE_LABELS[m.stage]} ${new Date(m.nextStageAt).toLocaleDateString()}` : '—'}</Table.Td>
      <Table.Td>
        {RESPONSE_LABELS[m.response]}
        {m.responseNote && (
          <Text size="xs" c="dimmed">
            {m.responseNote}
          </Text>
        )}
        {respond.error && (
          <Text size="xs" c="red" role="alert">
            {respond.error}
          </Text>
        )}
      </Table.Td>
      <Table.Td>
        {m.response === 'none' && (
          <Group gap={4}>
            <Button
              size="compact-sm"
              variant="light"
              loading={respond.busy}
              onClick={() => void respond.submit('declined')}
              aria-label={`${m.patientName} declined`}
            >
              Declined
            </Button>
            <Button
              size="compact-sm"
              variant="light"
              loading={respond.busy}
              onClick={() => void respond.submit('unreachable')}
              aria-label={`${m.patientName} unreachable`}
            >
              Unreachable
            </Button>
          </Group>
        )}
        {(m.response === 'declined' || m.response === 'unreachable') && (
          <Button
            size="compact-sm"
            variant="subtle"
            loading={respond.busy}
            onClick={() => void respond.submit('none')}
            aria-label={`Undo the response of ${m.patientName}`}
          >
            Undo
          </Button>
        )}
      </Table.Td>
    </Table.Tr>
  );
}
