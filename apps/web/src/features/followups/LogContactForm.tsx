/** Log one attempt to reach a patient about a recall (POST /api/recalls/{id}/contacts), with the log so far. */
import { Alert, Button, Group, List, Select, Stack, Text, Textarea } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { api, unwrap } from '../../api/client.ts';
import { fieldErrors } from '../../api/problem.ts';
import { useSubmit } from '../../api/use-submit.ts';
import { METHOD_LABELS, OUTCOME_LABELS, type Recall, type RecallContactInput, recallName } from './followups-api.ts';
import { followupKeys } from './query-keys.ts';

const options = (labels: Record<string, string>) => Object.entries(labels).map(([value, label]) => ({ value, label }));

export function LogContactForm(props: { recall: Recall; onLogged(recall: Recall): void }) {
  const { recall } = props;
  const [method, setMethod] = useState<RecallContactInput['method']>('phone');
  const [outcome, setOutcome] = useState<RecallContactInput['outcome']>('reached');
  const [note, setNote] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const log = useQuery({
    queryKey: followupKeys.recallContacts(recall.id),
    queryFn: () => unwrap(api.GET('/api/recalls/{id}/contacts', { params: { path: { id: recall.id } } })),
  });
  const saving = useSubmit(
    () => api.POST('/api/recalls/{id}/contacts', { params: { path: { id: recall.id } }, body: { method, outcome, note } }),
    {
      invalidate: [followupKeys.recallLists()],
      onSuccess: (data) => props.onLogged(data.recall),
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
        <Text size="sm">
          {recall.patientName}: {recallName(recall)}, due {recall.dueDate}
        </Text>
        <Group grow align="flex-start">
          <Select
            label="How"
            data={options(METHOD_LABELS)}
            value={method}
            onChange={(v) => v && setMethod(v as RecallContactInput['method'])}
            allowDeselect={false}
            error={errors.method}
            data-autofocus
          />
          <Select
            label="Outcome"
            data={options(OUTCOME_LABELS)}
            value={outcome}
            onChange={(v) => v && setOutcome(v as RecallContactInput['outcome'])}
            allowDeselect={false}
            error={errors.outcome}
          />
        </Group>
        <Textarea
          label="Note"
          value={note}
          onChange={(e) => setNote(e.currentTarget.value)}
          error={errors.note}
          rows={2}
          maxLength={1000}
        />
        {saving.error && (
          <Alert color="red" role="alert">
            {saving.error}
          </Alert>
        )}
        <Group justify="flex-end">
          <Button type="submit" loading={saving.busy}>
            Log contact
          </Button>
        </Group>
        {log.data && log.data.items.length > 0 && (
          <Stack gap={4}>
            <Text size="sm" fw={600}>
              Earlier contacts
            </Text>
            <List size="sm" spacing={2} aria-label="Earlier contacts">
              {log.data.items.map((c) => (
                <List.Item key={c.id}>
                  {new Date(c.contactedAt).toLocaleString('en-US', { dateStyle: 'medium', timeStyle: 'short' })}: {METHOD_LABELS[c.method]},{' '}
                  {OUTCOME_LABELS[c.outcome].toLowerCase()}
                  {c.userName ? ` (${c.userName})` : ''}
                  {c.note ? `: ${c.note}` : ''}
                </List.Item>
              ))}
            </List>
          </Stack>
        )}
      </Stack>
    </form>
  );
}
