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
  Table,
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
import { fieldErrors } from '../../api/problem.ts';
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
      {items.length === 0 && <Text>Nothing assigned to you.</Text>}
      {items.length > 0 && (
        <Table.ScrollContainer minWidth={560}>
          <Table striped aria-label="My training" data-testid="my-training">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Item</Table.Th>
                <Table.Th>Due</Table.Th>
                <Table.Th>Status</Table.Th>
                <Table.Th>
                  <span className="visually-hidden">Actions</span>
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((a) => (
                <Table.Tr key={a.id}>
                  <Table.Td>
                    {a.itemTitle}
                    <Text size="xs" c="dimmed">
                      {CATEGORY_LABELS[a.category]}
                      {a.evidence ? ` · ${a.evidence}` : ''}
                    </Text>
                  </Table.Td>
                  <Table.Td>{a.status === 'completed' ? `Done ${a.completedOn}` : a.dueOn}</Table.Td>
                  <Table.Td>
                    <Badge size="sm" variant="light" color={STATUS_COLORS[a.status]}>
                      {a.status === 'overdue' ? `${a.daysOverdue} days overdue` : STATUS_LABELS[a.status]}
                    </Badge>
                  </Table.Td>
                  <Table.Td>
                    {a.status !== 'completed' &&
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
                      ))}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
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
  const [errors, setErrors] = useState<Record<string, string>>({});
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
        <Text size="sm">{props.assignment.itemTitle}</Text>
        <TextInput
          type="date"
          label="Completed on"
          value={completedOn}
          onChange={(e) => setCompletedOn(e.currentTarget.value)}
          error={errors.completedOn}
        />
        <Textarea
          label="Evidence"
          description="Certificate number, course name, session attended"
          value={evidence}
          onChange={(e) => setEvidence(e.currentTarget.value)}
          error={errors.evidence}
          required
          maxLength={2000}
          data-autofocus
        />
        {saving.error && (
          <Alert color="red" role="alert">
            {saving.error}
          </Alert>
        )}
        <Group justify="flex-end">
          <Button type="submit" loading={saving.busy}>
            Complete
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function OverdueReportPanel() {
  const report = useQuery({ queryKey: trainingKeys.overdue(), queryFn: () => unwrap(api.GET('/api/training/overdue')) });
  if (report.isPending) return <Loader aria-label="Loading the overdue report" />;
  if (report.isError) return <Alert color="red">{report.error.message}</Alert>;
  if (report.data.people.length === 0) return <Text>Nobody is overdue as of {report.data.asOf}.</Text>;
  return (
    <Table.ScrollContainer minWidth={560}>
      <Table aria-label="Overdue training" data-testid="overdue-report">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Who</Table.Th>
            <Table.Th>Item</Table.Th>
            <Table.Th>Was due</Table.Th>
            <Table.Th>Days overdue</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {report.data.people.flatMap((p) =>
            p.overdue.map((o, i) => (
              <Table.Tr key={o.assignmentId}>
                <Table.Td>{i === 0 ? p.userName : ''}</Table.Td>
                <Table.Td>{o.itemTitle}</Table.Td>
                <Table.Td>{o.dueOn}</Table.Td>
                <Table.Td>{o.daysOverdue}</Table.Td>
              </Table.Tr>
            )),
          )}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
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
  const [errors, setErrors] = useState<Record<string, string>>({});
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
      <Stack gap="sm" maw={560}>
        <Select
          label="Item"
          data={(items.data?.items ?? []).map((i) => ({ value: i.id, label: i.title }))}
          value={itemId}
          onChange={setItemId}
          searchable
          required
          error={errors.itemId}
        />
        <MultiSelect label="Staff" data={staff} value={userIds} onChange={setUserIds} searchable required error={errors.userIds} />
        <TextInput
          type="date"
          label="Due on"
          description="Empty: the item's usual number of days from today"
          value={dueOn}
          onChange={(e) => setDueOn(e.currentTarget.value)}
          error={errors.dueOn}
        />
        {saving.error && (
          <Alert color="red" role="alert">
            {saving.error}
          </Alert>
        )}
        <Group>
          <Button type="submit" loading={saving.busy} disabled={!itemId || userIds.length === 0}>
            Assign
          </Button>
        </Group>
      </Stack>
    </form>
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
      {items.isPending && <Loader aria-label="Loading items" />}
      {items.data && (
        <Table.ScrollContainer minWidth={560}>
          <Table striped aria-label="Training items and policies">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Title</Table.Th>
                <Table.Th>Kind</Table.Th>
                <Table.Th>Due within</Table.Th>
                <Table.Th>Repeats</Table.Th>
                <Table.Th>Onboarding</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.data.items.map((i: TrainingItem) => (
                <Table.Tr key={i.id}>
                  <Table.Td>
                    {i.title}
                    {i.description && (
                      <Text size="xs" c="dimmed" lineClamp={2}>
                        {i.description}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>{i.kind === 'policy' ? 'Policy' : CATEGORY_LABELS[i.category]}</Table.Td>
                  <Table.Td>{i.dueWithinDays} days</Table.Td>
                  <Table.Td>{i.recurrenceMonths ? `Every ${i.recurrenceMonths} months` : '—'}</Table.Td>
                  <Table.Td>{i.onboarding ? 'Yes' : 'No'}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
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
  const [errors, setErrors] = useState<Record<string, string>>({});
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
        <TextInput
          label="Title"
          value={title}
          onChange={(e) => setTitle(e.currentTarget.value)}
          required
          error={errors.title}
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
        <Textarea
          label="Description"
          value={description}
          onChange={(e) => setDescription(e.currentTarget.value)}
          maxLength={4000}
          rows={2}
        />
        <Group grow align="flex-start">
          <NumberInput
            label="Due within (days)"
            value={dueWithinDays}
            onChange={(v) => setDueWithinDays(Number(v) || 30)}
            min={1}
            max={365}
            error={errors.dueWithinDays}
          />
          <NumberInput
            label="Repeats every (months)"
            value={recurrenceMonths}
            onChange={(v) => setRecurrenceMonths(v === '' ? '' : Number(v))}
            min={1}
            max={60}
            error={errors.recurrenceMonths}
          />
        </Group>
        <Checkbox
          label="Part of the onboarding set (assigned to every new account)"
          checked={onboarding}
          onChange={(e) => setOnboarding(e.currentTarget.checked)}
        />
        {saving.error && (
          <Alert color="red" role="alert">
            {saving.error}
          </Alert>
        )}
        <Group justify="flex-end">
          <Button type="submit" loading={saving.busy}>
            Add item
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
