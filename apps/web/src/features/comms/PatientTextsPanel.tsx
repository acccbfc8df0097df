/**
 * The chart's text thread: what the practice texted the patient (with delivery status) and what
 * the patient texted back (and what ClinicDesk did with it: confirmed, cancelled, opted out...),
 * newest first, with a box to send a text. The box shows only when the patient agreed to texts
 * and has a mobile number on record; otherwise a line says why.
 */
import { Alert, Badge, Button, Group, Loader, Paper, Stack, Text, Textarea, Title } from '@mantine/core';
import { useInfiniteQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { api, unwrap } from '../../api/client.ts';
import { useSubmit } from '../../api/use-submit.ts';
import { displayPhone } from '../../app/format-phone.ts';
import { useCan } from '../auth/use-me.ts';
import type { Patient } from '../patients/patients-api.ts';
import type { PatientText } from './comms-api.ts';
import { STATUS_LABELS } from './delivery.ts';
import { commsKeys } from './query-keys.ts';

const ACTION_LABELS: Record<NonNullable<PatientText['action']>, string> = {
  confirmed: 'Confirmed the next visit',
  cancelled: 'Cancelled the next visit',
  opted_out: 'Stopped texts',
  opted_in: 'Agreed to texts again',
  inbox: 'For the desk',
};

const when = (iso: string) => new Date(iso).toLocaleString('en-US', { dateStyle: 'medium', timeStyle: 'short' });
const MAX = 640;

export function PatientTextsPanel(props: { patient: Patient }) {
  const { patient } = props;
  const can = useCan();
  const mobile = patient.phones.find((p) => p.type === 'mobile')?.number ?? null;
  const texts = useInfiniteQuery({
    queryKey: commsKeys.patientTexts(patient.id),
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }) =>
      unwrap(api.GET('/api/patients/{id}/texts', { params: { path: { id: patient.id }, query: { limit: 30, cursor: pageParam } } })),
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
  return (
    <Stack gap="sm" data-testid="patient-texts">
      <Title order={3} size="h5">
        Text messages
      </Title>
      {can('patient:write') &&
        (patient.consentSmsReminders && mobile ? (
          <SendTextBox patientId={patient.id} mobile={mobile} />
        ) : (
          <Text size="sm" c="dimmed">
            {patient.consentSmsReminders
              ? 'No mobile number on record: add one under Demographics to text this patient.'
              : 'The patient has not agreed to text messages (Demographics → consent), so the practice cannot text them.'}
          </Text>
        ))}
      {texts.isPending ? (
        <Loader aria-label="Loading texts" />
      ) : texts.isError ? (
        <Alert color="red">{texts.error.message}</Alert>
      ) : (
        <Thread items={texts.data.pages.flatMap((p) => p.items)} />
      )}
      {texts.hasNextPage && (
        <Button variant="subtle" loading={texts.isFetchingNextPage} onClick={() => void texts.fetchNextPage()}>
          Older texts
        </Button>
      )}
    </Stack>
  );
}

function SendTextBox(props: { patientId: string; mobile: string }) {
  const [body, setBody] = useState('');
  const [sentNote, setSentNote] = useState<string | null>(null);
  const sending = useSubmit(
    (text: string) => api.POST('/api/patients/{id}/texts', { params: { path: { id: props.patientId } }, body: { body: text } }),
    {
      invalidate: [commsKeys.patientTexts(props.patientId), commsKeys.patientMessages(props.patientId)],
      onSuccess: (sent) => {
        setBody('');
        setSentNote(sent.error ? 'Queued: it is outside texting hours, so it goes out in the morning.' : 'Queued to send now.');
      },
    },
  );
  const send = () => {
    if (!body.trim()) return;
    setSentNote(null);
    void sending.submit(body.trim());
  };
  return (
    <Paper withBorder p="sm">
      <Stack gap="xs">
        <Textarea
          label={`Send a text to ${displayPhone(props.mobile)}`}
          description={`${body.length}/${MAX} characters`}
          autosize
          minRows={2}
          maxLength={MAX}
          value={body}
          onChange={(e) => setBody(e.currentTarget.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) send();
          }}
        />
        {sending.error && (
          <Alert color="red" role="alert">
            {sending.error}
          </Alert>
        )}
        {sentNote && (
          <Text size="sm" role="status">
            {sentNote}
          </Text>
        )}
        <Group>
          <Button onClick={send} loading={sending.busy} disabled={!body.trim()}>
            Send text
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}

function Thread(props: { items: PatientText[] }) {
  if (props.items.length === 0) return <Text c="dimmed">No texts with this patient yet.</Text>;
  return (
    <Stack gap="xs" component="ol" aria-label="Text thread" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
      {props.items.map((m) => {
        const inbound = m.direction === 'inbound';
        return (
          <Paper key={m.id} component="li" withBorder p="xs" maw={560} ml={inbound ? 0 : 'auto'} data-direction={m.direction}>
            <Group justify="space-between" gap="xs" wrap="nowrap">
              <Text size="xs" fw={600}>
                {inbound ? 'Patient' : 'Practice'} · {when(m.at)}
              </Text>
              {inbound
                ? m.action && (
                    <Badge size="sm" variant="light" color={m.action === 'inbox' ? 'grape' : 'gray'}>
                      {ACTION_LABELS[m.action]}
                    </Badge>
                  )
                : m.status && (
                    <Badge size="sm" variant="light" color={m.status === 'failed' || m.status === 'bounced' ? 'red' : 'blue'}>
                      {STATUS_LABELS[m.status]}
                    </Badge>
                  )}
            </Group>
            <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
              {m.body}
            </Text>
            {!inbound && m.error && (
              <Text size="xs" c="dimmed">
                {m.error}
              </Text>
            )}
          </Paper>
        );
      })}
    </Stack>
  );
}
