/**
 * A signed note's addenda, oldest first, each with who signed it and when; and the form that
 * appends one (signed and timestamped by the server). Text shows exactly as typed.
 */
import { Alert, Button, Card, Stack, Text, Textarea, Title } from '@mantine/core';
import { useState } from 'react';
import { useSubmit } from '../../api/use-submit.ts';
import { useCan } from '../auth/use-me.ts';
import { type Addendum, addAddendum } from './encounters-api.ts';
import { encounterKeys } from './query-keys.ts';

const when = (iso: string | null | undefined) =>
  iso ? new Date(iso).toLocaleString('en-US', { dateStyle: 'medium', timeStyle: 'short' }) : '';

export function Addenda(props: { encounterId: string; patientId: string; addenda: Addendum[]; onAdded(): void }) {
  const can = useCan();
  const [text, setText] = useState('');
  const adding = useSubmit(() => addAddendum(props.encounterId, text), {
    invalidate: [encounterKeys.patientTimeline(props.patientId), encounterKeys.lists()],
    onSuccess: () => {
      setText('');
      props.onAdded();
    },
  });
  return (
    <Stack gap="xs" component="section" aria-labelledby="addenda-heading">
      <Title order={2} size="h4" id="addenda-heading">
        Addenda
      </Title>
      {props.addenda.length === 0 && (
        <Text size="sm" c="dimmed">
          No addendum.
        </Text>
      )}
      {props.addenda.map((a) => (
        <Card key={a.id} withBorder padding="sm" data-testid="addendum">
          <Text size="xs" c="dimmed">
            {a.authorName ?? 'Addendum'} · {when(a.signedAt)}
          </Text>
          <Text className="note-text">{a.text}</Text>
        </Card>
      ))}
      {can('note:write') && (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            if (text.trim()) void adding.submit();
          }}
        >
          <Stack gap="xs">
            <Textarea label="Add addendum" autosize minRows={2} value={text} onChange={(e) => setText(e.currentTarget.value)} />
            {adding.error && <Alert color="red">{adding.error}</Alert>}
            <Button type="submit" loading={adding.busy} disabled={text.trim() === ''} w="fit-content">
              Sign and add addendum
            </Button>
          </Stack>
        </form>
      )}
    </Stack>
  );
}
