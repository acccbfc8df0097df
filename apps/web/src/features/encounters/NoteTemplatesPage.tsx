/**
 * Admin → Note templates: the practice's note templates (per visit type, or for any visit) and
 * quick texts (".normalexam"), listed, added and edited. An edit carries the version it started
 * from (If-Match); if someone saved in between, the form says so and shows their version.
 */
import { Alert, Badge, Button, Checkbox, Group, Modal, Select, Stack, Table, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import type { Problem } from '../../api/problem.ts';
import { useSubmit } from '../../api/use-submit.ts';
import { useAppointmentTypes } from '../schedule/schedule-api.ts';
import {
  createNoteTemplate,
  createQuickText,
  type NoteTemplate,
  type NoteTemplateInput,
  patchNoteTemplate,
  patchQuickText,
  type QuickText,
  quickTextsQuery,
  SOAP_SECTIONS,
  templateNote,
  templatesQuery,
} from './encounters-api.ts';
import { encounterKeys } from './query-keys.ts';
import './encounters.css';

const etagOf = (v: { version: number }) => `"${v.version}"`;

const conflictLine = (p: Problem) =>
  p.status === 412 ? 'Someone else changed this in the meantime. Close the form and open it again to edit their version.' : undefined;

function TemplateForm(props: { template: NoteTemplate | null; onDone(): void }) {
  const types = useAppointmentTypes();
  const t = props.template;
  const [form, setForm] = useState<NoteTemplateInput>({
    name: t?.name ?? '',
    appointmentTypeId: t?.appointmentTypeId ?? null,
    ...(t ? templateNote(t) : { subjective: '', objective: '', assessment: '', plan: '' }),
    active: t?.active ?? true,
  });
  const saving = useSubmit(() => (t ? patchNoteTemplate(t.id, etagOf(t), form) : createNoteTemplate(form)), {
    invalidate: [encounterKeys.templates()],
    onSuccess: props.onDone,
    onProblem: conflictLine,
  });
  const errors = saving.errors;
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        void saving.submit();
      }}
    >
      <Stack gap="sm">
        <Group align="flex-start">
          <TextInput
            label="Name"
            required
            maxLength={100}
            data-autofocus
            value={form.name}
            error={errors.name}
            onChange={(e) => setForm({ ...form, name: e.currentTarget.value })}
          />
          <Select
            label="Visit type"
            placeholder="Any visit"
            clearable
            data={(types.data ?? []).map((x) => ({ value: x.id, label: x.name }))}
            value={form.appointmentTypeId}
            error={errors.appointmentTypeId}
            onChange={(v) => setForm({ ...form, appointmentTypeId: v })}
          />
        </Group>
        {SOAP_SECTIONS.map((s) => (
          <Textarea
            key={s.key}
            label={s.label}
            autosize
            minRows={2}
            maxRows={10}
            value={form[s.key]}
            error={errors[s.key]}
            onChange={(e) => setForm({ ...form, [s.key]: e.currentTarget.value })}
          />
        ))}
        <Checkbox
          label="Offered in notes (untick to retire the template)"
          checked={form.active ?? true}
          onChange={(e) => setForm({ ...form, active: e.currentTarget.checked })}
        />
        {saving.error && <Alert color="red">{saving.error}</Alert>}
        <Group justify="flex-end">
          <Button variant="default" onClick={props.onDone}>
            Cancel
          </Button>
          <Button type="submit" loading={saving.busy}>
            Save template
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function QuickTextForm(props: { item: QuickText | null; onDone(): void }) {
  const q = props.item;
  const [abbreviation, setAbbreviation] = useState(q?.abbreviation ?? '.');
  const [text, setText] = useState(q?.text ?? '');
  const [active, setActive] = useState(q?.active ?? true);
  const saving = useSubmit(
    () => (q ? patchQuickText(q.id, etagOf(q), { abbreviation, text, active }) : createQuickText({ abbreviation, text })),
    { invalidate: [encounterKeys.quickTexts()], onSuccess: props.onDone, onProblem: conflictLine },
  );
  const errors = saving.errors;
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        void saving.submit();
      }}
    >
      <Stack gap="sm">
        <TextInput
          label="Abbreviation"
          description="A dot, then letters, digits, - or _ (e.g. .normalexam)"
          required
          maxLength={41}
          data-autofocus
          value={abbreviation}
          error={errors.abbreviation}
          onChange={(e) => setAbbreviation(e.currentTarget.value)}
        />
        <Textarea
          label="Expands to"
          required
          autosize
          minRows={3}
          maxRows={12}
          value={text}
          error={errors.text}
          onChange={(e) => setText(e.currentTarget.value)}
        />
        {q && (
          <Checkbox label="Expands in notes (untick to retire it)" checked={active} onChange={(e) => setActive(e.currentTarget.checked)} />
        )}
        {saving.error && <Alert color="red">{saving.error}</Alert>}
        <Group justify="flex-end">
          <Button variant="default" onClick={props.onDone}>
            Cancel
          </Button>
          <Button type="submit" loading={saving.busy}>
            Save quick text
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

type Editing = { kind: 'template'; item: NoteTemplate | null } | { kind: 'quick'; item: QuickText | null } | null;

export function NoteTemplatesPage() {
  const templates = useQuery(templatesQuery(true));
  const quickTexts = useQuery(quickTextsQuery(true));
  const types = useAppointmentTypes();
  const typeName = new Map((types.data ?? []).map((t) => [t.id, t.name]));
  const [editing, setEditing] = useState<Editing>(null);
  const close = () => setEditing(null);
  return (
    <Stack gap="lg">
      <Title order={1}>Note templates and quick texts</Title>
      <Stack gap="xs" component="section" aria-labelledby="templates-heading">
        <Group justify="space-between">
          <Title order={2} size="h3" id="templates-heading">
            Templates
          </Title>
          <Button onClick={() => setEditing({ kind: 'template', item: null })}>Add template</Button>
        </Group>
        {templates.isError && <Alert color="red">{templates.error.message}</Alert>}
        {templates.data?.items.length === 0 && <Text size="sm">No template yet.</Text>}
        {templates.data && templates.data.items.length > 0 && (
          <Table striped aria-labelledby="templates-heading" data-testid="templates-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Name</Table.Th>
                <Table.Th>Visit type</Table.Th>
                <Table.Th>Subjective starts</Table.Th>
                <Table.Th>
                  <span className="visually-hidden">Actions</span>
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {templates.data.items.map((t) => (
                <Table.Tr key={t.id}>
                  <Table.Td>
                    {t.name}{' '}
                    {!t.active && (
                      <Badge size="xs" color="gray">
                        retired
                      </Badge>
                    )}
                  </Table.Td>
                  <Table.Td>{t.appointmentTypeId ? (typeName.get(t.appointmentTypeId) ?? '') : 'Any visit'}</Table.Td>
                  <Table.Td>
                    <Text size="sm" lineClamp={1}>
                      {templateNote(t).subjective}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Button
                      size="compact-sm"
                      variant="light"
                      aria-label={`Edit ${t.name}`}
                      onClick={() => setEditing({ kind: 'template', item: t })}
                    >
                      Edit
                    </Button>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Stack>
      <Stack gap="xs" component="section" aria-labelledby="quick-texts-heading">
        <Group justify="space-between">
          <Title order={2} size="h3" id="quick-texts-heading">
            Quick texts
          </Title>
          <Button onClick={() => setEditing({ kind: 'quick', item: null })}>Add quick text</Button>
        </Group>
        {quickTexts.isError && <Alert color="red">{quickTexts.error.message}</Alert>}
        {quickTexts.data?.items.length === 0 && <Text size="sm">No quick text yet.</Text>}
        {quickTexts.data && quickTexts.data.items.length > 0 && (
          <Table striped aria-labelledby="quick-texts-heading" data-testid="quick-texts-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Abbreviation</Table.Th>
                <Table.Th>Expands to</Table.Th>
                <Table.Th>
                  <span className="visually-hidden">Actions</span>
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {quickTexts.data.items.map((q) => (
                <Table.Tr key={q.id}>
                  <Table.Td>
                    <Text ff="monospace">{q.abbreviation}</Text>{' '}
                    {!q.active && (
                      <Badge size="xs" color="gray">
                        retired
                      </Badge>
                    )}
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm" lineClamp={2} className="note-text">
                      {q.text}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Button
                      size="compact-sm"
                      variant="light"
                      aria-label={`Edit ${q.abbreviation}`}
                      onClick={() => setEditing({ kind: 'quick', item: q })}
                    >
                      Edit
                    </Button>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Stack>
      <Modal
        opened={editing !== null}
        onClose={close}
        size="lg"
        title={
          editing?.kind === 'template'
            ? editing.item
              ? `Edit ${editing.item.name}`
              : 'New template'
            : editing?.item
              ? `Edit ${editing.item.abbreviation}`
              : 'New quick text'
        }
      >
        {editing?.kind === 'template' && <TemplateForm template={editing.item} onDone={close} />}
        {editing?.kind === 'quick' && <QuickTextForm item={editing.item} onDone={close} />}
      </Modal>
    </Stack>
  );
}
