/**
 * The practice's letter templates: a list to pick from and an editor with the merge fields
 * (click one to insert it at the cursor) and a preview with sample values. The server checks
 * every field on save: an unknown one comes back under the text, naming the field.
 */
import {
  Alert,
  Badge,
  Button,
  Grid,
  Group,
  NavLink,
  Paper,
  SegmentedControl,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconChevronRight } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { api, unwrap } from '../../api/client.ts';
import { fieldErrors, type Problem } from '../../api/problem.ts';
import { useSubmit } from '../../api/use-submit.ts';
import { useCan } from '../auth/use-me.ts';
import { type LetterTemplate, samplePreview } from './letters-api.ts';
import { letterKeys } from './query-keys.ts';

function TemplateEditor(props: { template: LetterTemplate | null; onSaved(t: LetterTemplate): void }) {
  const { template } = props;
  const [name, setName] = useState(template?.name ?? '');
  const [kind, setKind] = useState<LetterTemplate['kind']>(template?.kind ?? 'single');
  const [body, setBody] = useState(template?.body ?? '');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const area = useRef<HTMLTextAreaElement>(null);
  const fields = useQuery({ queryKey: letterKeys.fields(), queryFn: () => unwrap(api.GET('/api/letter-templates/fields')) });
  const onProblem = (problem: Problem) => {
    setErrors(fieldErrors(problem));
    return problem.detail;
  };
  const save = useSubmit(
    () =>
      template
        ? api.PATCH('/api/letter-templates/{id}', {
            params: { path: { id: template.id } },
            headers: { 'if-match': `"${template.version}"` },
            body: { name, kind, body },
          })
        : api.POST('/api/letter-templates', { body: { name, kind, body } }),
    {
      invalidate: [letterKeys.templates()],
      onSuccess: (saved) => {
        notifications.show({ message: `Template “${saved.name}” saved` });
        props.onSaved(saved);
      },
      onProblem,
    },
  );
  const deactivate = useSubmit(
    (t: LetterTemplate) =>
      api.PATCH('/api/letter-templates/{id}', {
        params: { path: { id: t.id } },
        headers: { 'if-match': `"${t.version}"` },
        body: { active: false },
      }),
    { invalidate: [letterKeys.templates()], onSuccess: (saved) => props.onSaved(saved) },
  );

  function insert(field: string) {
    const el = area.current;
    const token = `{{${field}}}`;
    const at = el?.selectionStart ?? body.length;
    const end = el?.selectionEnd ?? at;
    setBody(body.slice(0, at) + token + body.slice(end));
    requestAnimationFrame(() => {
      el?.focus();
      el?.setSelectionRange(at + token.length, at + token.length);
    });
  }

  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        setErrors({});
        void save.submit();
      }}
    >
      <Stack gap="sm">
        <Title order={2} size="h3">
          {template ? `Edit “${template.name}”` : 'New template'}
        </Title>
        <TextInput
          label="Name"
          value={name}
          onChange={(e) => setName(e.currentTarget.value)}
          error={errors.name}
          required
          maxLength={120}
        />
        <SegmentedControl
          aria-label="Kind of letter"
          value={kind}
          onChange={(v) => setKind(v as LetterTemplate['kind'])}
          data={[
            { value: 'single', label: 'Single letter (from the chart)' },
            { value: 'batch', label: 'Batch letter' },
          ]}
        />
        <Textarea
          ref={area}
          label="Text"
          description="Blank lines separate paragraphs. Merge fields are written {{patient.firstName}}."
          value={body}
          onChange={(e) => setBody(e.currentTarget.value)}
          error={errors.body}
          autosize
          minRows={8}
          maxRows={20}
          required
        />
        <Stack gap={4}>
          <Text size="sm" fw={500} id="merge-fields-label">
            Merge fields (insert at the cursor)
          </Text>
          <Group gap={6} role="group" aria-labelledby="merge-fields-label">
            {fields.data?.items.map((f) => (
              <Button
                key={f.field}
                size="compact-xs"
                variant="light"
                title={f.about}
                onClick={() => insert(f.field)}
                aria-label={`Insert ${f.field}: ${f.about}`}
              >
                {f.field}
              </Button>
            ))}
          </Group>
        </Stack>
        {save.error && (
          <Alert color="red" role="alert">
            {save.error}
          </Alert>
        )}
        <Group justify="space-between">
          {template?.active ? (
            <Button variant="subtle" color="red" onClick={() => void deactivate.submit(template)} loading={deactivate.busy}>
              Deactivate
            </Button>
          ) : (
            <span />
          )}
          <Button type="submit" loading={save.busy}>
            Save template
          </Button>
        </Group>
        <Paper withBorder p="sm" aria-label="Preview with sample values" role="region">
          <Text size="xs" c="dimmed" mb={4}>
            Preview with sample values
          </Text>
          <Text size="sm" style={{ whiteSpace: 'pre-wrap' }} data-testid="template-preview">
            {samplePreview(body)}
          </Text>
        </Paper>
      </Stack>
    </form>
  );
}

export function TemplatesPanel() {
  const can = useCan();
  const [selected, setSelected] = useState<LetterTemplate | 'new' | null>(null);
  const list = useQuery({
    queryKey: letterKeys.templates(),
    queryFn: () => unwrap(api.GET('/api/letter-templates', { params: { query: { includeInactive: 'true' } } })),
  });
  const canEdit = can('letter:template');
  return (
    <Grid pt="md">
      <Grid.Col span={{ base: 12, md: 4 }}>
        <Stack gap={4}>
          {canEdit && (
            <Button variant="default" onClick={() => setSelected('new')}>
              New template
            </Button>
          )}
          {list.isError && <Alert color="red">{list.error.message}</Alert>}
          <nav aria-label="Letter templates">
            {list.data?.items.map((t) => (
              <NavLink
                key={t.id}
                component="button"
                type="button"
                label={
                  <Stack gap={0}>
                    <Text size="sm" c="inherit">
                      {t.name}
                    </Text>
                    <Text size="xs" c="inherit">
                      {t.kind === 'batch' ? 'Batch letter' : 'Single letter'}
                    </Text>
                  </Stack>
                }
                rightSection={t.active ? undefined : <Badge color="gray">Inactive</Badge>}
                aria-current={selected !== 'new' && selected?.id === t.id ? 'true' : undefined}
                leftSection={
                  selected !== 'new' && selected?.id === t.id ? <IconChevronRight size={16} aria-hidden /> : <span style={{ width: 16 }} />
                }
                onClick={() => setSelected(t)}
              />
            ))}
          </nav>
        </Stack>
      </Grid.Col>
      <Grid.Col span={{ base: 12, md: 8 }}>
        {selected === null && <Text c="dimmed">Choose a template to read or edit it.</Text>}
        {selected !== null && canEdit && (
          <TemplateEditor
            key={selected === 'new' ? 'new' : `${selected.id}:${selected.version}`}
            template={selected === 'new' ? null : selected}
            onSaved={(t) => setSelected(t)}
          />
        )}
        {selected !== null && selected !== 'new' && !canEdit && (
          <Paper withBorder p="sm">
            <Title order={2} size="h3" mb="xs">
              {selected.name}
            </Title>
            <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
              {selected.body}
            </Text>
          </Paper>
        )}
      </Grid.Col>
    </Grid>
  );
}
