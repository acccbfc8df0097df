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
      <ListTable
        aria-label="Campaigns"
        query={list}
        loadingLabel="Loading campaigns"
        rows={list.data?.items}
        rowKey={(c) => c.id}
        empty="No campaigns yet."
        columns={[
          { header: 'Name', cell: (c) => c.name },
          {
            header: 'Status',
            cell: (c) => (
              <Badge variant="light" color={STATUS_COLORS[c.status]}>
                {c.status}
              </Badge>
            ),
          },
          { header: 'Enrolled', cell: (c) => c.enrolled },
          { header: 'Booked', cell: (c) => c.responses.booked },
        ]}
        actions={(c) => (
          <Button size="compact-sm" variant="light" onClick={() => setSelected(c.id)} aria-label={`Open campaign ${c.name}`}>
            Open
          </Button>
        )}
      />
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
    },
  );
  return (
    <ProblemForm saving={saving} submitLabel="Save draft">
      <TextInput
        label="Name"
        value={name}
        onChange={(e) => setName(e.currentTarget.value)}
        error={saving.errors.name}
        required
        data-autofocus
      />
      <MultiSelect label="Recall types" data={RECALL_TYPES} value={types} onChange={setTypes} error={saving.errors.recallTypes} />
      <TextInput
        type="date"
        label="Due on or before"
        value={due}
        onChange={(e) => setDue(e.currentTarget.value)}
        error={saving.errors.dueOnOrBefore}
      />
      <Group grow>
        <NumberInput
          label="Email after (days)"
          min={0}
          max={365}
          value={days.email}
          onChange={(v) => setDays({ ...days, email: Number(v) || 0 })}
          error={saving.errors.emailAfterDays}
        />
        <NumberInput
          label="Text after (days)"
          min={0}
          max={365}
          value={days.sms}
          onChange={(v) => setDays({ ...days, sms: Number(v) || 0 })}
          error={saving.errors.smsAfterDays}
        />
        <NumberInput
          label="Letter after (days)"
          min={0}
          max={365}
          value={days.letter}
          onChange={(v) => setDays({ ...days, letter: Number(v) || 0 })}
          error={saving.errors.letterAfterDays}
        />
      </Group>
      <Select
        label="Letter template (the letter stage)"
        placeholder="No letters"
        clearable
        data={(templates.data?.items ?? []).map((t) => ({ value: t.id, label: t.name }))}
        value={templateId}
        onChange={setTemplateId}
        error={saving.errors.letterTemplateId}
      />
      <Text size="sm" aria-live="polite" data-testid="campaign-preview">
        {preview.data
          ? `${preview.data.wouldEnroll} recalls would be enrolled${preview.data.matching > preview.data.enrolmentCap ? ` (capped at ${preview.data.enrolmentCap})` : ''}.`
          : 'Counting the matching recalls…'}
      </Text>
    </ProblemForm>
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
  const [answering, setAnswering] = useState<{ member: Member; answer: 'declined' | 'unreachable' } | null>(null);
  const undo = useSubmit(
    (m: Member) =>
      api.PATCH('/api/campaigns/{id}/members/{memberId}', {
        params: { path: { id: props.id, memberId: m.id } },
        headers: { 'if-match': `"${m.version}"` },
        body: { response: 'none', note: '' },
      }),
    { invalidate: [campaignKeys.all] },
  );
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
      {undo.error && (
        <Alert color="red" role="alert">
          {undo.error}
        </Alert>
      )}
      <ListTable
        aria-label="Patients in the campaign"
        minWidth={720}
        query={members}
        loadingLabel="Loading members"
        rows={members.data?.items}
        rowKey={(m) => m.id}
        empty="Nobody here."
        columns={[
          { header: 'Patient', cell: (m) => m.patientName },
          { header: 'Recall due', cell: (m) => m.recallDueDate },
          {
            header: 'Stages run',
            cell: (m) => (
              <Text size="xs">
                {m.sends.map((s) => `${STAGE_LABELS[s.stage]}: ${s.outcome === 'sent' ? 'sent' : 'skipped'}`).join(' · ') || '—'}
              </Text>
            ),
          },
          {
            header: 'Next',
            cell: (m) => (m.nextStageAt ? `${STAGE_LABELS[m.stage]} ${new Date(m.nextStageAt).toLocaleDateString()}` : '—'),
          },
          {
            header: 'Response',
            cell: (m) => (
              <>
                {RESPONSE_LABELS[m.response]}
                {m.responseNote && (
                  <Text size="xs" c="dimmed">
                    {m.responseNote}
                  </Text>
                )}
              </>
            ),
          },
        ]}
        actions={(m) =>
          m.response === 'none' ? (
            <Group gap={4}>
              {(['declined', 'unreachable'] as const).map((answer) => (
                <Button
                  key={answer}
                  size="compact-sm"
                  variant="light"
                  onClick={() => setAnswering({ member: m, answer })}
                  aria-label={`${m.patientName} ${answer}`}
                >
                  {RESPONSE_LABELS[answer]}
                </Button>
              ))}
            </Group>
          ) : (
            (m.response === 'declined' || m.response === 'unreachable') && (
              <Button
                size="compact-sm"
                variant="subtle"
                loading={undo.busy}
                onClick={() => void undo.submit(m)}
                aria-label={`Undo the response of ${m.patientName}`}
              >
                Undo
              </Button>
            )
          )
        }
      />
      <Modal
        opened={answering !== null}
        onClose={() => setAnswering(null)}
        title={answering ? `${RESPONSE_LABELS[answering.answer]}: ${answering.member.patientName}` : ''}
      >
        {answering && <ResponseForm campaignId={c.id} {...answering} onSaved={() => setAnswering(null)} />}
      </Modal>
    </Stack>
  );
}

/** What the patient said when the desk reached them (declined) or could not (unreachable), with an optional note. */
function ResponseForm(props: { campaignId: string; member: Member; answer: 'declined' | 'unreachable'; onSaved(): void }) {
  const m = props.member;
  const [note, setNote] = useState('');
  const saving = useSubmit(
    () =>
      api.PATCH('/api/campaigns/{id}/members/{memberId}', {
        params: { path: { id: props.campaignId, memberId: m.id } },
        headers: { 'if-match': `"${m.version}"` },
        body: { response: props.answer, note },
      }),
    {
      invalidate: [campaignKeys.all],
      onSuccess: () => {
        notifications.show({ color: 'green', message: `${m.patientName}: ${RESPONSE_LABELS[props.answer]?.toLowerCase()}` });
        props.onSaved();
      },
    },
  );
  return (
    <ProblemForm saving={saving} submitLabel={`Record ${RESPONSE_LABELS[props.answer]?.toLowerCase()}`}>
      <Text size="sm">The campaign sends {m.patientName} nothing more; Undo takes it back.</Text>
      <Textarea
        label="Note"
        description={props.answer === 'declined' ? 'Optional: why, in the patient’s words' : 'Optional: what was tried'}
        value={note}
        onChange={(e) => setNote(e.currentTarget.value)}
        error={saving.errors.note}
        rows={3}
        maxLength={1000}
        data-autofocus
      />
    </ProblemForm>
  );
}
