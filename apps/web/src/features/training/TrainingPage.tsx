/**
 * Training and policies. "My training": what I have to take or read, with "Complete" (the day
 * and the evidence) or "Acknowledge" for a policy. For managers: the items (add one, mark it
 * part of the onboarding set), assigning an item to staff by a due date, and the overdue report.
 */
import {
  Alert,
  Badge,
  Button,
  Checkbox,
  Group,
  Loader,
  Modal,
  MultiSelect,
  NumberInput,
  Select,
  Stack,
  Tabs,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { api, unwrap } from '../../api/client.ts';
import { ListTable } from '../../app/ListTable.tsx';
import { ProblemForm } from '../../app/ProblemForm.tsx';
import { useSubmit } from '../../api/use-submit.ts';
import { usePracticeToday } from '../../app/use-practice-today.ts';
import { useCan } from '../auth/use-me.ts';
import { useAssigneeOptions } from '../tasks/use-assignees.ts';
import { trainingKeys } from './query-keys.ts';
import { type Assignment, CATEGORY_LABELS, STATUS_COLORS, STATUS_LABELS, type TrainingItem } from './training-api.ts';

export function TrainingPage() {
  const can = useCan();
  const manager = can('training:manage');
  return (
    <Stack>
      <Title order={1}>Training and policies</Title>
      <Tabs defaultValue="mine" keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="mine">My training</Tabs.Tab>
          {manager && <Tabs.Tab value="overdue">Overdue report</Tabs.Tab>}
          {manager && <Tabs.Tab value="assign">Assign</Tabs.Tab>}
          <Tabs.Tab value="items">Items</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="mine" pt="md">
          <MyTraining />
        </Tabs.Panel>
        {manager && (
          <Tabs.Panel value="overdue" pt="md">
            <OverdueReportPanel />
          </Tabs.Panel>
        )}
        {manager && (
          <Tabs.Panel value="assign" pt="md">
            <AssignForm />
          </Tabs.Panel>
        )}
        <Tabs.Panel value="items" pt="md">
          <ItemsPanel manager={manager} />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}

function MyTraining() {
  const [completing, setCompleting] = useState<Assignment | null>(null);
  const list = useQuery({
    queryKey: trainingKeys.assignmentList({ userId: 'me', status: 'all' }),
    queryFn: () => unwrap(api.GET('/api/training-assignments', { params: { query: { userId: 'me', status: 'all', limit: 200 } } })),
  });
  const acknowledge = useSubmit(
    (a: Assignment) => api.POST('/api/training-assignments/{id}/complete', { params: { path: { id: a.id } }, body: {} }),
    {
      invalidate: [trainingKeys.assignments()],
      onSuccess: (a) => notifications.show({ color: 'green', message: `Acknowledged: ${a.itemTitle}` }),
    },
  );
  if (list.isPending) return <Loader aria-label="Loading my training" />;
  if (list.isError) return <Alert color="red">{list.error.message}</Alert>;
  const items = [...list.data.items].sort((a, b) => Number(a.status === 'completed') - Number(b.status === 'completed'));
  return (
    <Stack>
      {acknowledge.error && (
        <Alert color="red" role="alert">
          {acknowledge.error}
        </Alert>
      )}
      <ListTable
        aria-label="My training"
        data-testid="my-training"
        minWidth={560}
        rows={items}
        rowKey={(a) => a.id}
        empty="Nothing assigned to you."
        columns={[
          {
            header: 'Item',
            cell: (a) => (
              <>
                {a.itemTitle}
                <Text size="xs" c="dimmed">
                  {CATEGORY_LABELS[a.category]}
                  {a.evidence ? ` · ${a.evidence}` : ''}
                </Text>
              </>
            ),
          },
          { header: 'Due', cell: (a) => (a.status === 'completed' ? `Done ${a.completedOn}` : a.dueOn) },
          {
            header: 'Status',
            cell: (a) => (
              <Badge size="sm" variant="light" color={STATUS_COLORS[a.status]}>
                {a.status === 'overdue' ? `${a.daysOverdue} days overdue` : STATUS_LABELS[a.status]}
              </Badge>
            ),
          },
        ]}
        actions={(a) =>
          a.status !== 'completed' &&
          (a.kind === 'policy' ? (
            <Button
              size="compact-sm"
              variant="light"
              loading={acknowledge.busy}
              onClick={() => void acknowledge.submit(a)}
              aria-label={`Acknowledge ${a.itemTitle}`}
            >
              Acknowledge
            </Button>
          ) : (
            <Button size="compact-sm" variant="light" onClick={() => setCompleting(a)} aria-label={`Complete ${a.itemTitle}`}>
              Complete
            </Button>
          ))
        }
      />
      <Modal opened={completing !== null} onClose={() => setCompleting(null)} title="Complete training">
        {completing && <CompleteForm assignment={completing} onSaved={() => setCompleting(null)} />}
      </Modal>
    </Stack>
  );
}

function CompleteForm(props: { assignment: Assignment; onSaved(): void }) {
  const today = usePracticeToday();
  const [completedOn, setCompletedOn] = useState(today ?? '');
  const [evidence, setEvidence] = useState('');
  const saving = useSubmit(
    () =>
      api.POST('/api/training-assignments/{id}/complete', {
        params: { path: { id: props.assignment.id } },
        body: { evidence, ...(completedOn && { completedOn }) },
      }),
    {
      invalidate: [trainingKeys.assignments()],
      onSuccess: (a) => {
        notifications.show({ color: 'green', message: `Completed: ${a.itemTitle}` });
        props.onSaved();
      },
    },
  );
  return (
    <ProblemForm saving={saving} submitLabel="Complete">
      <Text size="sm">{props.assignment.itemTitle}</Text>
      <TextInput
        type="date"
        label="Completed on"
        value={completedOn}
        onChange={(e) => setCompletedOn(e.currentTarget.value)}
        error={saving.errors.completedOn}
      />
      <Textarea
        label="Evidence"
        description="Certificate number, course name, session attended"
        value={evidence}
        onChange={(e) => setEvidence(e.currentTarget.value)}
        error={saving.errors.evidence}
        required
        maxLength={2000}
        data-autofocus
      />
    </ProblemForm>
  );
}

function OverdueReportPanel() {
  const report = useQuery({ queryKey: trainingKeys.overdue(), queryFn: () => unwrap(api.GET('/api/training/overdue')) });
  const rows = report.data?.people.flatMap((p) => p.overdue.map((o, i) => ({ ...o, who: i === 0 ? p.userName : '' })));
  return (
    <ListTable
      aria-label="Overdue training"
      data-testid="overdue-report"
      minWidth={560}
      striped={false}
      query={report}
      loadingLabel="Loading the overdue report"
      rows={rows}
      rowKey={(o) => o.assignmentId}
      empty={`Nobody is overdue as of ${report.data?.asOf}.`}
      columns={[
        { header: 'Who', cell: (o) => o.who },
        { header: 'Item', cell: (o) => o.itemTitle },
        { header: 'Was due', cell: (o) => o.dueOn },
        { header: 'Days overdue', cell: (o) => o.daysOverdue },
      ]}
    />
  );
}

function useItems() {
  return useQuery({
    queryKey: trainingKeys.items(),
    queryFn: () => unwrap(api.GET('/api/training-items', { params: { query: { limit: 200 } } })),
  });
}

function AssignForm() {
  const items = useItems();
  const staff = useAssigneeOptions();
  const [itemId, setItemId] = useState<string | null>(null);
  const [userIds, setUserIds] = useState<string[]>([]);
  const [dueOn, setDueOn] = useState('');
  const saving = useSubmit(
    () => api.POST('/api/training-assignments', { body: { itemId: itemId ?? '', userIds, ...(dueOn && { dueOn }) } }),
    {
      invalidate: [trainingKeys.assignments()],
      onSuccess: (r) => {
        notifications.show({
          color: 'green',
          message: `Assigned to ${r.assigned.length} ${r.assigned.length === 1 ? 'person' : 'people'}${r.alreadyOpen.length ? `; ${r.alreadyOpen.length} already had it` : ''}`,
        });
        setUserIds([]);
      },
    },
  );
  return (
    <ProblemForm saving={saving} submitLabel="Assign" maw={560} buttonAt="start" disabled={!itemId || userIds.length === 0}>
      <Select
        label="Item"
        data={(items.data?.items ?? []).map((i) => ({ value: i.id, label: i.title }))}
        value={itemId}
        onChange={setItemId}
        searchable
        required
        error={saving.errors.itemId}
      />
      <MultiSelect label="Staff" data={staff} value={userIds} onChange={setUserIds} searchable required error={saving.errors.userIds} />
      <TextInput
        type="date"
        label="Due on"
        description="Empty: the item's usual number of days from today"
        value={dueOn}
        onChange={(e) => setDueOn(e.currentTarget.value)}
        error={saving.errors.dueOn}
      />
    </ProblemForm>
  );
}

function ItemsPanel(props: { manager: boolean }) {
  const items = useItems();
  const [adding, setAdding] = useState(false);
  return (
    <Stack>
      {props.manager && (
        <Group>
          <Button variant="default" onClick={() => setAdding(true)}>
            Add item
          </Button>
        </Group>
      )}
      <ListTable
        aria-label="Training items and policies"
        minWidth={560}
        query={items}
        loadingLabel="Loading items"
        rows={items.data?.items}
        rowKey={(i: TrainingItem) => i.id}
        columns={[
          {
            header: 'Title',
            cell: (i) => (
              <>
                {i.title}
                {i.description && (
                  <Text size="xs" c="dimmed" lineClamp={2}>
                    {i.description}
                  </Text>
                )}
              </>
            ),
          },
          { header: 'Kind', cell: (i) => (i.kind === 'policy' ? 'Policy' : CATEGORY_LABELS[i.category]) },
          { header: 'Due within', cell: (i) => `${i.dueWithinDays} days` },
          { header: 'Repeats', cell: (i) => (i.recurrenceMonths ? `Every ${i.recurrenceMonths} months` : '—') },
          { header: 'Onboarding', cell: (i) => (i.onboarding ? 'Yes' : 'No') },
        ]}
      />
      <Modal opened={adding} onClose={() => setAdding(false)} title="Add training item or policy">
        {adding && <AddItemForm onSaved={() => setAdding(false)} />}
      </Modal>
    </Stack>
  );
}

function AddItemForm(props: { onSaved(): void }) {
  const [title, setTitle] = useState('');
  const [kind, setKind] = useState<TrainingItem['kind']>('training');
  const [category, setCategory] = useState<TrainingItem['category']>('hipaa');
  const [description, setDescription] = useState('');
  const [dueWithinDays, setDueWithinDays] = useState<number>(30);
  const [recurrenceMonths, setRecurrenceMonths] = useState<number | ''>('');
  const [onboarding, setOnboarding] = useState(false);
  const saving = useSubmit(
    () =>
      api.POST('/api/training-items', {
        body: {
          title,
          kind,
          category: kind === 'policy' ? 'policy' : category,
          description,
          dueWithinDays,
          recurrenceMonths: recurrenceMonths === '' ? null : recurrenceMonths,
          onboarding,
        },
      }),
    {
      invalidate: [trainingKeys.items()],
      onSuccess: (i) => {
        notifications.show({ color: 'green', message: `Added: ${i.title}` });
        props.onSaved();
      },
    },
  );
  return (
    <ProblemForm saving={saving} submitLabel="Add item">
      <TextInput
        label="Title"
        value={title}
        onChange={(e) => setTitle(e.currentTarget.value)}
        required
        error={saving.errors.title}
        data-autofocus
      />
      <Group grow align="flex-start">
        <Select
          label="Kind"
          data={[
            { value: 'training', label: 'Training' },
            { value: 'policy', label: 'Policy to acknowledge' },
          ]}
          value={kind}
          onChange={(v) => v && setKind(v as TrainingItem['kind'])}
          allowDeselect={false}
        />
        {kind === 'training' && (
          <Select
            label="Category"
            data={Object.entries(CATEGORY_LABELS)
              .filter(([v]) => v !== 'policy')
              .map(([value, label]) => ({ value, label }))}
            value={category}
            onChange={(v) => v && setCategory(v as TrainingItem['category'])}
            allowDeselect={false}
          />
        )}
      </Group>
      <Textarea label="Description" value={description} onChange={(e) => setDescription(e.currentTarget.value)} maxLength={4000} rows={2} />
      <Group grow align="flex-start">
        <NumberInput
          label="Due within (days)"
          value={dueWithinDays}
          onChange={(v) => setDueWithinDays(Number(v) || 30)}
          min={1}
          max={365}
          error={saving.errors.dueWithinDays}
        />
        <NumberInput
          label="Repeats every (months)"
          value={recurrenceMonths}
          onChange={(v) => setRecurrenceMonths(v === '' ? '' : Number(v))}
          min={1}
          max={60}
          error={saving.errors.recurrenceMonths}
        />
      </Group>
      <Checkbox
        label="Part of the onboarding set (assigned to every new account)"
        checked={onboarding}
        onChange={(e) => setOnboarding(e.currentTarget.checked)}
      />
    </ProblemForm>
  );
}
