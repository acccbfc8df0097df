/**
 * One applicant: contact, position, stage, notes, the history of stage moves, and a button for
 * each stage they may move to. A manager corrects the contact details and notes in place
 * ("Edit details", saved with If-Match: someone else's change in between is a 412 to reload). A rejection or withdrawal needs a reason; the interview takes its
 * date and time (local at the position's location); a note goes with any move. After "Hire" the
 * onboarding is one click away.
 */
import { Alert, Badge, Button, Group, Loader, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { api, unwrap } from '../../api/client.ts';
import { useSubmit } from '../../api/use-submit.ts';
import { displayPhone } from '../../app/format-phone.ts';
import { ListTable } from '../../app/ListTable.tsx';
import { ProblemForm } from '../../app/ProblemForm.tsx';
import { shortWhen } from '../../app/short-when.ts';
import { useCan } from '../auth/use-me.ts';
import { MOVE_LABELS, SOURCE_LABELS, STAGE_COLORS, STAGE_LABELS, type Stage } from './hiring-api.ts';
import { hiringKeys } from './query-keys.ts';

export function ApplicantPanel(props: { id: string; onOnboarding(): void }) {
  const can = useCan();
  const [note, setNote] = useState('');
  const [reason, setReason] = useState('');
  const [interviewAt, setInterviewAt] = useState('');
  const [editing, setEditing] = useState(false);
  const applicant = useQuery({
    queryKey: hiringKeys.applicant(props.id),
    queryFn: () => loadApplicant(props.id),
  });
  const move = useSubmit(
    (stage: Stage) =>
      api.POST('/api/applicants/{id}/stage', {
        params: { path: { id: props.id } },
        body: {
          stage,
          ...(note.trim() && { note: note.trim() }),
          ...((stage === 'rejected' || stage === 'withdrawn') && reason.trim() && { reason: reason.trim() }),
          ...(stage === 'interview' && interviewAt && { interviewAt }),
        },
      }),
    {
      invalidate: [hiringKeys.lists()],
      onSuccess: (a) => {
        setNote('');
        setReason('');
        setInterviewAt('');
        notifications.show({ color: 'green', message: `${a.name}: ${STAGE_LABELS[a.stage]}` });
      },
    },
  );
  if (applicant.isPending) return <Loader aria-label="Loading the applicant" />;
  if (applicant.isError) return <Alert color="red">{applicant.error.message}</Alert>;
  const a = applicant.data;
  const manager = can('hiring:manage');
  const closing = a.nextStages.some((s) => s === 'rejected' || s === 'withdrawn');
  return (
    <Stack gap="sm">
      <Group gap={8}>
        <Text fw={600}>{a.name}</Text>
        <Badge size="sm" variant="light" color={STAGE_COLORS[a.stage]} data-testid="applicant-stage">
          {STAGE_LABELS[a.stage]}
        </Badge>
      </Group>
      <Text size="sm">
        {a.positionTitle}, {a.locationName} · {SOURCE_LABELS[a.source]}
      </Text>
      <Text size="sm">
        {a.email}
        {a.phone ? ` · ${displayPhone(a.phone)}` : ''}
      </Text>
      {a.interviewAt && a.stage === 'interview' && <Text size="sm">Interview: {shortWhen(a.interviewAt)}</Text>}
      {a.reason && <Text size="sm">Reason: {a.reason}</Text>}
      {a.notes && (
        <Text size="sm" c="dimmed">
          {a.notes}
        </Text>
      )}
      {manager && !editing && (
        <Group>
          <Button variant="default" size="xs" onClick={() => setEditing(true)}>
            Edit details
          </Button>
        </Group>
      )}
      {manager && editing && <ApplicantDetailsForm applicant={a} onDone={() => setEditing(false)} />}
      {a.onboardingId && (
        <Group>
          <Button variant="light" onClick={props.onOnboarding}>
            Open onboarding
          </Button>
        </Group>
      )}

      {manager && a.nextStages.length > 0 && (
        <form
          onSubmit={(e) => {
            e.preventDefault();
          }}
        >
          <Stack gap="xs">
            <Title order={3} size="h5">
              Move to the next stage
            </Title>
            <Textarea
              label="Note"
              value={note}
              onChange={(e) => setNote(e.currentTarget.value)}
              maxLength={2000}
              error={move.errors.note}
            />
            {a.nextStages.includes('interview') && (
              <TextInput
                type="datetime-local"
                label="Interview date and time"
                value={interviewAt}
                onChange={(e) => setInterviewAt(e.currentTarget.value)}
                error={move.errors.interviewAt}
              />
            )}
            {closing && (
              <TextInput
                label="Reason (for a rejection or withdrawal)"
                value={reason}
                onChange={(e) => setReason(e.currentTarget.value)}
                maxLength={1000}
                error={move.errors.reason}
              />
            )}
            {move.error && (
              <Alert color="red" role="alert">
                {move.error}
              </Alert>
            )}
            <Group>
              {a.nextStages.map((s) => (
                <Button
                  key={s}
                  variant={s === 'rejected' || s === 'withdrawn' ? 'default' : 'filled'}
                  color={s === 'hired' ? 'green' : undefined}
                  loading={move.busy}
                  onClick={() => void move.submit(s)}
                >
                  {MOVE_LABELS[s]}
                </Button>
              ))}
            </Group>
          </Stack>
        </form>
      )}

      <Title order={3} size="h5">
        History
      </Title>
      <ListTable
        aria-label="Stage history"
        data-testid="stage-history"
        minWidth={480}
        striped={false}
        rows={a.history}
        rowKey={(h) => `${h.movedAt}-${h.toStage}`}
        columns={[
          { header: 'When', cell: (h) => shortWhen(h.movedAt) },
          { header: 'Stage', cell: (h) => (h.fromStage ? `${STAGE_LABELS[h.fromStage]} → ${STAGE_LABELS[h.toStage]}` : 'Applied') },
          { header: 'By', cell: (h) => h.movedByName ?? '' },
          {
            header: 'Note',
            cell: (h) =>
              [h.note, h.reason && `Reason: ${h.reason}`, h.interviewAt && `Interview ${shortWhen(h.interviewAt)}`]
                .filter(Boolean)
                .join(' · '),
          },
        ]}
      />
    </Stack>
  );
}

type ApplicantDetail = Awaited<ReturnType<typeof loadApplicant>>;
const loadApplicant = (id: string) => unwrap(api.GET('/api/applicants/{id}', { params: { path: { id } } }));

/** Name, email, phone and notes of an applicant, as the hiring manager corrects them. */
function ApplicantDetailsForm(props: { applicant: ApplicantDetail; onDone(): void }) {
  const a = props.applicant;
  const [name, setName] = useState(a.name);
  const [email, setEmail] = useState(a.email);
  const [phone, setPhone] = useState(a.phone ? displayPhone(a.phone) : '');
  const [notes, setNotes] = useState(a.notes);
  const saving = useSubmit(
    () =>
      api.PATCH('/api/applicants/{id}', {
        params: { path: { id: a.id } },
        headers: { 'if-match': `"${a.version}"` },
        body: { name, email, phone: phone.trim() ? phone : null, notes },
      }),
    {
      invalidate: [hiringKeys.lists()],
      onSuccess: (saved) => {
        notifications.show({ color: 'green', message: `Saved: ${saved.name}` });
        props.onDone();
      },
    },
  );
  return (
    <ProblemForm saving={saving} submitLabel="Save details" aria-label="Applicant details">
      <TextInput
        label="Name"
        required
        value={name}
        onChange={(e) => setName(e.currentTarget.value)}
        maxLength={200}
        error={saving.errors.name}
        data-autofocus
      />
      <TextInput
        label="Email"
        required
        type="email"
        value={email}
        onChange={(e) => setEmail(e.currentTarget.value)}
        error={saving.errors.email}
      />
      <TextInput label="Phone" type="tel" value={phone} onChange={(e) => setPhone(e.currentTarget.value)} error={saving.errors.phone} />
      <Textarea
        label="Notes"
        value={notes}
        onChange={(e) => setNotes(e.currentTarget.value)}
        maxLength={4000}
        error={saving.errors.notes}
      />
      <Group>
        <Button variant="subtle" onClick={props.onDone}>
          Cancel
        </Button>
      </Group>
    </ProblemForm>
  );
}
