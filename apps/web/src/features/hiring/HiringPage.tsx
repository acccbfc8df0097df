/**
 * Hiring at the selected location (managers only). Positions: what is open, with the pipeline's
 * counts per stage, and "New position". Applicants: the pipeline as a table with position and
 * stage filters; an applicant's dialog shows their history and the stages they may move to
 * (a rejection or withdrawal asks why; the interview takes its date and time; "Hire" opens the
 * onboarding). Onboarding: each hire's checklist (the system's steps and the practice's own
 * items, ticked by hand) and "Create account".
 */
import { Badge, Button, Group, Modal, NumberInput, Select, Stack, Tabs, Text, Textarea, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconPlus } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { api, unwrap } from '../../api/client.ts';
import { useSubmit } from '../../api/use-submit.ts';
import { ListTable } from '../../app/ListTable.tsx';
import { ProblemForm } from '../../app/ProblemForm.tsx';
import { ROLE_LABELS } from '../../app/role-labels.ts';
import { useSelectedLocation } from '../../app/use-selected-location.ts';
import { useCan } from '../auth/use-me.ts';
import { useAssigneeOptions } from '../tasks/use-assignees.ts';
import { ApplicantPanel } from './ApplicantPanel.tsx';
import {
  type Applicant,
  EMPLOYMENT_LABELS,
  PIPELINE,
  type Position,
  POSITION_STATUS_LABELS,
  SOURCE_LABELS,
  STAGE_COLORS,
  STAGE_LABELS,
  STAGES,
  type Stage,
} from './hiring-api.ts';
import { OnboardingList } from './OnboardingList.tsx';
import { hiringKeys } from './query-keys.ts';

type Tab = 'positions' | 'applicants' | 'onboarding';

export function HiringPage() {
  const [tab, setTab] = useState<Tab>('positions');
  const [positionId, setPositionId] = useState<string | null>(null);
  const [openApplicant, setOpenApplicant] = useState<string | null>(null);
  return (
    <Stack>
      <Title order={1}>Hiring</Title>
      <Tabs value={tab} onChange={(v) => v && setTab(v as Tab)} keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="positions">Positions</Tabs.Tab>
          <Tabs.Tab value="applicants">Applicants</Tabs.Tab>
          <Tabs.Tab value="onboarding">Onboarding</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="positions" pt="md">
          <PositionsPanel
            onApplicants={(id) => {
              setPositionId(id);
              setTab('applicants');
            }}
          />
        </Tabs.Panel>
        <Tabs.Panel value="applicants" pt="md">
          <ApplicantsPanel positionId={positionId} onPosition={setPositionId} onOpen={setOpenApplicant} />
        </Tabs.Panel>
        <Tabs.Panel value="onboarding" pt="md">
          <OnboardingList />
        </Tabs.Panel>
      </Tabs>
      <Modal opened={openApplicant !== null} onClose={() => setOpenApplicant(null)} title="Applicant" size="lg">
        {openApplicant && (
          <ApplicantPanel
            id={openApplicant}
            onOnboarding={() => {
              setOpenApplicant(null);
              setTab('onboarding');
            }}
          />
        )}
      </Modal>
    </Stack>
  );
}

function usePositions(locationId: string | null, status: 'active' | 'all') {
  return useQuery({
    queryKey: hiringKeys.positions({ locationId, status }),
    queryFn: () => unwrap(api.GET('/api/positions', { params: { query: { status, limit: 200, ...(locationId && { locationId }) } } })),
  });
}

function PositionsPanel(props: { onApplicants(positionId: string): void }) {
  const can = useCan();
  const locationId = useSelectedLocation();
  const [status, setStatus] = useState<'active' | 'all'>('active');
  const [adding, setAdding] = useState(false);
  const [editing, setEditing] = useState<Position | null>(null);
  const positions = usePositions(locationId, status);
  return (
    <Stack>
      <Group justify="space-between">
        <Select
          label="Show"
          data={[
            { value: 'active', label: 'Open and on hold' },
            { value: 'all', label: 'All positions' },
          ]}
          value={status}
          onChange={(v) => v && setStatus(v as 'active' | 'all')}
          allowDeselect={false}
          w={220}
        />
        {can('hiring:manage') && (
          <Button leftSection={<IconPlus size={16} />} variant="default" onClick={() => setAdding(true)}>
            New position
          </Button>
        )}
      </Group>
      <ListTable
        aria-label="Positions"
        data-testid="position-list"
        minWidth={760}
        query={positions}
        loadingLabel="Loading positions"
        rows={positions.data?.items}
        rowKey={(p) => p.id}
        rowTestId="position-row"
        empty="No positions here."
        columns={[
          {
            header: 'Position',
            cell: (p) => (
              <>
                {p.title}
                <Text size="xs" c="dimmed">
                  {p.locationName} · {EMPLOYMENT_LABELS[p.employmentType]} · opened {p.openedOn} · {p.hiringManagerName}
                </Text>
              </>
            ),
          },
          { header: 'Role', cell: (p) => ROLE_LABELS[p.role] },
          { header: 'Hired', cell: (p) => `${p.hired} of ${p.openings}` },
          {
            header: 'Status',
            cell: (p) => (
              <Badge size="sm" variant="light" color={p.status === 'open' ? 'green' : 'gray'}>
                {POSITION_STATUS_LABELS[p.status]}
              </Badge>
            ),
          },
          {
            header: 'Applicants by stage',
            cell: (p) => (
              <Text size="sm">
                {PIPELINE.filter((s) => s !== 'hired')
                  .map((s) => `${STAGE_LABELS[s]} ${p.stageCounts[s]}`)
                  .join(' · ')}
              </Text>
            ),
          },
        ]}
        actions={(p) => (
          <Group gap="xs" wrap="nowrap">
            <Button size="compact-sm" variant="light" onClick={() => props.onApplicants(p.id)} aria-label={`Applicants for ${p.title}`}>
              Applicants
            </Button>
            {can('hiring:manage') && (
              <Button size="compact-sm" variant="default" onClick={() => setEditing(p)} aria-label={`Edit ${p.title}`}>
                Edit
              </Button>
            )}
          </Group>
        )}
      />
      <Modal opened={adding} onClose={() => setAdding(false)} title="New position">
        {adding && <PositionForm locationId={locationId} onSaved={() => setAdding(false)} />}
      </Modal>
      <Modal opened={editing !== null} onClose={() => setEditing(null)} title="Edit position">
        {editing && <PositionEditForm position={editing} onSaved={() => setEditing(null)} />}
      </Modal>
    </Stack>
  );
}

function PositionForm(props: { locationId: string | null; onSaved(): void }) {
  const [title, setTitle] = useState('');
  const [role, setRole] = useState<Position['role']>('front_desk');
  const [employmentType, setEmploymentType] = useState<Position['employmentType']>('full_time');
  const [openings, setOpenings] = useState<number | ''>(1);
  const [hiringManagerId, setHiringManagerId] = useState<string | null>(null);
  const [description, setDescription] = useState('');
  const saving = useSubmit(
    () =>
      api.POST('/api/positions', {
        body: {
          title,
          role,
          employmentType,
          ...(openings !== '' && { openings }),
          description,
          hiringManagerId: hiringManagerId ?? '',
          ...(props.locationId && { locationId: props.locationId }),
        },
      }),
    {
      invalidate: [hiringKeys.lists()],
      onSuccess: (p) => {
        notifications.show({ color: 'green', message: `Position opened: ${p.title}` });
        props.onSaved();
      },
    },
  );
  return (
    <ProblemForm saving={saving} submitLabel="Open position">
      <TextInput
        label="Title"
        value={title}
        onChange={(e) => setTitle(e.currentTarget.value)}
        required
        error={saving.errors.title}
        data-autofocus
      />
      <Select
        label="Role the hire will hold"
        data={Object.entries(ROLE_LABELS).map(([value, label]) => ({ value, label }))}
        value={role}
        onChange={(v) => v && setRole(v as Position['role'])}
        allowDeselect={false}
        error={saving.errors.role}
      />
      <Select
        label="Employment type"
        data={Object.entries(EMPLOYMENT_LABELS).map(([value, label]) => ({ value, label }))}
        value={employmentType}
        onChange={(v) => v && setEmploymentType(v as Position['employmentType'])}
        allowDeselect={false}
        error={saving.errors.employmentType}
      />
      <PositionFields
        openings={openings}
        onOpenings={setOpenings}
        hiringManagerId={hiringManagerId}
        onHiringManager={setHiringManagerId}
        managerRequired
        description={description}
        onDescription={setDescription}
        errors={saving.errors}
      />
    </ProblemForm>
  );
}

/** What a new position and an edit share: openings, hiring manager (the staff to choose from) and description, each with its field error. */
function PositionFields(props: {
  /** Blank ('') while the field is empty: a new position then takes the default (1), an edit keeps its openings. */
  openings: number | '';
  onOpenings(openings: number | ''): void;
  hiringManagerId: string | null;
  onHiringManager(id: string | null): void;
  /** A new position must name one; an edit keeps the current one when left alone. */
  managerRequired?: boolean;
  description: string;
  onDescription(description: string): void;
  errors: Record<string, string>;
}) {
  const managers = useAssigneeOptions();
  return (
    <>
      <NumberInput
        label="Openings"
        min={1}
        max={50}
        value={props.openings}
        onChange={(v) => props.onOpenings(typeof v === 'number' ? v : '')}
        error={props.errors.openings}
      />
      <Select
        label="Hiring manager"
        data={managers}
        value={props.hiringManagerId}
        onChange={props.onHiringManager}
        searchable
        required={props.managerRequired}
        error={props.errors.hiringManagerId}
      />
      <Textarea
        label="Description"
        value={props.description}
        onChange={(e) => props.onDescription(e.currentTarget.value)}
        maxLength={4000}
        error={props.errors.description}
      />
    </>
  );
}

/** Status (open, on hold, closed; filled follows the hires), openings, hiring manager and description, with If-Match. */
function PositionEditForm(props: { position: Position; onSaved(): void }) {
  const p = props.position;
  const [openings, setOpenings] = useState<number | ''>(p.openings);
  const [status, setStatus] = useState<string>(p.status);
  const [hiringManagerId, setHiringManagerId] = useState<string | null>(p.hiringManagerId);
  const [description, setDescription] = useState(p.description);
  const saving = useSubmit(
    () =>
      api.PATCH('/api/positions/{id}', {
        params: { path: { id: p.id } },
        headers: { 'if-match': `"${p.version}"` },
        body: {
          ...(openings !== '' && { openings }),
          description,
          ...(status !== p.status && status !== 'filled' && { status: status as 'open' | 'on_hold' | 'closed' }),
          ...(hiringManagerId && hiringManagerId !== p.hiringManagerId && { hiringManagerId }),
        },
      }),
    {
      invalidate: [hiringKeys.lists()],
      onSuccess: (saved) => {
        notifications.show({ color: 'green', message: `Saved: ${saved.title} (${POSITION_STATUS_LABELS[saved.status]})` });
        props.onSaved();
      },
    },
  );
  const statusOptions = Object.entries(POSITION_STATUS_LABELS)
    .filter(([value]) => value !== 'filled' || p.status === 'filled')
    .map(([value, label]) => ({ value, label }));
  return (
    <ProblemForm saving={saving} submitLabel="Save">
      <Text size="sm">
        {p.title}, {p.locationName} · {p.hired} hired
      </Text>
      <Select
        label="Status"
        data={statusOptions}
        value={status}
        onChange={(v) => v && setStatus(v)}
        allowDeselect={false}
        error={saving.errors.status}
        data-autofocus
      />
      <PositionFields
        openings={openings}
        onOpenings={setOpenings}
        hiringManagerId={hiringManagerId}
        onHiringManager={setHiringManagerId}
        description={description}
        onDescription={setDescription}
        errors={saving.errors}
      />
    </ProblemForm>
  );
}

function ApplicantsPanel(props: { positionId: string | null; onPosition(id: string | null): void; onOpen(id: string): void }) {
  const can = useCan();
  const locationId = useSelectedLocation();
  const [stage, setStage] = useState<Stage | null>(null);
  const [adding, setAdding] = useState(false);
  const positions = usePositions(locationId, 'all');
  const query = {
    limit: 200,
    ...(locationId && { locationId }),
    ...(props.positionId && { positionId: props.positionId }),
    ...(stage && { stage }),
  };
  const applicants = useQuery({
    queryKey: hiringKeys.applicants(query),
    queryFn: () => unwrap(api.GET('/api/applicants', { params: { query } })),
  });
  const positionOptions = (positions.data?.items ?? []).map((p) => ({ value: p.id, label: p.title }));
  return (
    <Stack>
      <Group justify="space-between" align="flex-end">
        <Group align="flex-end">
          <Select
            label="Position"
            placeholder="All positions"
            data={positionOptions}
            value={props.positionId}
            onChange={props.onPosition}
            clearable
            w={280}
          />
          <Select
            label="Stage"
            placeholder="All stages"
            data={STAGES.map((s) => ({ value: s, label: STAGE_LABELS[s] }))}
            value={stage}
            onChange={(v) => setStage(v as Stage | null)}
            clearable
            w={180}
          />
        </Group>
        {can('hiring:manage') && (
          <Button leftSection={<IconPlus size={16} />} variant="default" onClick={() => setAdding(true)}>
            Add applicant
          </Button>
        )}
      </Group>
      <ListTable
        aria-label="Applicants"
        data-testid="applicant-list"
        minWidth={720}
        query={applicants}
        loadingLabel="Loading applicants"
        rows={applicants.data?.items}
        rowKey={(a) => a.id}
        rowTestId="applicant-row"
        empty="No applicants match."
        columns={[
          {
            header: 'Applicant',
            cell: (a) => (
              <>
                {a.name}
                <Text size="xs" c="dimmed">
                  {a.email}
                </Text>
              </>
            ),
          },
          {
            header: 'Position',
            cell: (a) => (
              <>
                {a.positionTitle}
                <Text size="xs" c="dimmed">
                  {a.locationName}
                </Text>
              </>
            ),
          },
          {
            header: 'Stage',
            cell: (a) => (
              <Badge size="sm" variant="light" color={STAGE_COLORS[a.stage]}>
                {STAGE_LABELS[a.stage]}
              </Badge>
            ),
          },
          { header: 'Source', cell: (a) => SOURCE_LABELS[a.source] },
          { header: 'Applied', cell: (a) => a.createdAt.slice(0, 10) },
        ]}
        actions={(a) => (
          <Button size="compact-sm" variant="light" onClick={() => props.onOpen(a.id)} aria-label={`Open ${a.name}`}>
            Open
          </Button>
        )}
      />
      <Modal opened={adding} onClose={() => setAdding(false)} title="Add applicant">
        {adding && (
          <ApplicantForm
            positions={(positions.data?.items ?? []).filter((p) => p.status === 'open' || p.status === 'on_hold')}
            positionId={props.positionId}
            onSaved={(id) => {
              setAdding(false);
              props.onOpen(id);
            }}
          />
        )}
      </Modal>
    </Stack>
  );
}

function ApplicantForm(props: { positions: Position[]; positionId: string | null; onSaved(id: string): void }) {
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [phone, setPhone] = useState('');
  const [source, setSource] = useState<Applicant['source']>('website');
  const [positionId, setPositionId] = useState<string | null>(props.positionId);
  const [notes, setNotes] = useState('');
  const saving = useSubmit(
    () =>
      api.POST('/api/applicants', {
        body: { name, email, source, notes, positionId: positionId ?? '', ...(phone && { phone }) },
      }),
    {
      invalidate: [hiringKeys.lists()],
      onSuccess: (a) => {
        notifications.show({ color: 'green', message: `Applicant added: ${a.name}` });
        props.onSaved(a.id);
      },
    },
  );
  return (
    <ProblemForm saving={saving} submitLabel="Add applicant">
      <TextInput
        label="Name"
        value={name}
        onChange={(e) => setName(e.currentTarget.value)}
        required
        error={saving.errors.name}
        data-autofocus
      />
      <TextInput
        label="Email"
        type="email"
        value={email}
        onChange={(e) => setEmail(e.currentTarget.value)}
        required
        error={saving.errors.email}
      />
      <TextInput label="Phone" type="tel" value={phone} onChange={(e) => setPhone(e.currentTarget.value)} error={saving.errors.phone} />
      <Select
        label="Position"
        data={props.positions.map((p) => ({ value: p.id, label: p.title }))}
        value={positionId}
        onChange={setPositionId}
        required
        error={saving.errors.positionId}
      />
      <Select
        label="Source"
        data={Object.entries(SOURCE_LABELS).map(([value, label]) => ({ value, label }))}
        value={source}
        onChange={(v) => v && setSource(v as Applicant['source'])}
        allowDeselect={false}
      />
      <Textarea
        label="Notes"
        value={notes}
        onChange={(e) => setNotes(e.currentTarget.value)}
        maxLength={4000}
        error={saving.errors.notes}
      />
    </ProblemForm>
  );
}
