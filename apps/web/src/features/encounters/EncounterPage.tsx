/**
 * The encounter screen (/encounters/:id), keyboard-first: template, the four SOAP sections with
 * quick texts, vitals, diagnoses, procedures, follow-up; autosaved (use-encounter-draft.ts) with
 * the state always in the header. Signing locks it: the note then shows as signed text with its
 * addenda. Notes are plain text everywhere (React escapes them; no HTML is ever injected).
 * Keys: Alt+1..4 jump to the SOAP sections, Alt+V vitals, Alt+D diagnoses, Alt+P procedures
 * (they work while typing); Ctrl+Enter opens the sign dialog; `?` lists them.
 */
import { Alert, Anchor, Button, Group, Loader, SegmentedControl, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useParams } from 'react-router';
import { useShortcuts } from '../../app/shortcuts.ts';
import { api, unwrap } from '../../api/client.ts';
import { useCan, useCurrentUser } from '../auth/use-me.ts';
import { providerName, useProviders } from '../schedule/schedule-api.ts';
import { Addenda } from './Addenda.tsx';
import { repoint } from './coding.ts';
import { DiagnosesList } from './DiagnosesList.tsx';
import { noteIsEmpty } from './draft-values.ts';
import { EncounterHeader } from './EncounterHeader.tsx';
import { awaitingCosign, type Encounter, isDraft, type Note, quickTextsQuery, SOAP_SECTIONS, superbillUrl } from './encounters-api.ts';
import { FollowUpFields } from './FollowUpFields.tsx';
import { NoteText } from './NoteText.tsx';
import { ProceduresList } from './ProceduresList.tsx';
import { QuickTextHelp } from './QuickTextHelp.tsx';
import { expandAll, quickTextMap } from './quick-text.ts';
import { SignDialog } from './SignDialog.tsx';
import { SoapField } from './SoapField.tsx';
import { TemplatePicker } from './TemplatePicker.tsx';
import { encounterKeys } from './query-keys.ts';
import { useEncounterDraft } from './use-encounter-draft.ts';
import { VitalsRow } from './VitalsRow.tsx';
import './encounters.css';

const ALT_TARGETS: Record<string, string> = {
  Digit1: '#soap-subjective',
  Digit2: '#soap-objective',
  Digit3: '#soap-assessment',
  Digit4: '#soap-plan',
  KeyV: '#encounter-vitals input',
  KeyD: '#encounter-diagnoses input',
  KeyP: '#encounter-procedures input',
};

const when = (iso: string | null | undefined) =>
  iso ? new Date(iso).toLocaleString('en-US', { dateStyle: 'medium', timeStyle: 'short' }) : '';

export function EncounterPage() {
  const { id = '' } = useParams();
  return <EncounterScreen key={id} id={id} />;
}

function EncounterScreen({ id }: { id: string }) {
  const draft = useEncounterDraft(id);
  const can = useCan();
  const me = useCurrentUser();
  const quickTexts = useQuery({ ...quickTextsQuery(), enabled: can('note:write') });
  const appointmentId = draft.encounter?.appointmentId ?? null;
  const visit = useQuery({
    queryKey: encounterKeys.visit(appointmentId ?? ''),
    enabled: appointmentId !== null && can('appointment:read'),
    queryFn: () => unwrap(api.GET('/api/appointments/{id}', { params: { path: { id: appointmentId ?? '' } } })),
    staleTime: 300_000,
  });
  const texts = useMemo(() => quickTextMap(quickTexts.data?.items ?? []), [quickTexts.data]);
  const [signing, setSigning] = useState<'sign' | 'cosign' | null>(null);
  const e = draft.encounter;
  const mayEdit = e !== null && isDraft(e) && can('note:write');
  const maySign = e !== null && isDraft(e) && can('note:sign') && me.user.providerId === e.providerId;
  const openSign = useRef(() => {});
  openSign.current = () => {
    if (maySign) setSigning('sign');
  };

  // Alt shortcuts work while typing (the registry leaves modified keys alone); listed in `?` below.
  useEffect(() => {
    const onKey = (ev: KeyboardEvent) => {
      if (document.querySelector('[aria-modal="true"]')) return;
      if (ev.altKey && !ev.ctrlKey && !ev.metaKey) {
        const target = ALT_TARGETS[ev.code];
        const el = target ? document.querySelector<HTMLElement>(target) : null;
        if (el) {
          ev.preventDefault();
          el.focus();
          el.scrollIntoView({ block: 'center' });
        }
      } else if ((ev.ctrlKey || ev.metaKey) && ev.key === 'Enter') {
        ev.preventDefault();
        openSign.current();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
  useShortcuts('Visit note', [
    { keys: ['Alt+1', 'Alt+2', 'Alt+3', 'Alt+4'], label: 'Subjective, Objective, Assessment, Plan' },
    { keys: ['Alt+V'], label: 'Vitals' },
    { keys: ['Alt+D'], label: 'Add a diagnosis' },
    { keys: ['Alt+P'], label: 'Add a procedure' },
    { keys: ['Ctrl+Enter'], label: 'Sign the note' },
    { keys: ['Space', 'Tab'], label: 'After a quick text (.normalexam): expand it' },
  ]);

  if (draft.loadError)
    return (
      <Stack>
        <Title order={1}>Visit note</Title>
        <Alert color="red">
          {draft.loadError.status === 404 ? 'No such encounter, or it is not open to you.' : draft.loadError.detail}
        </Alert>
      </Stack>
    );
  if (!e || !draft.values)
    return (
      <Stack>
        <Title order={1}>Visit note</Title>
        <Loader aria-label="Loading the encounter" />
      </Stack>
    );
  const v = draft.values;
  const readOnly = !mayEdit;

  const actions = (
    <>
      <Anchor href={superbillUrl(e.id)} target="_blank" rel="noopener" size="sm" data-testid="superbill-link">
        Superbill (PDF)
      </Anchor>
      {maySign && (
        <Button size="xs" onClick={() => setSigning('sign')} data-testid="sign-button">
          Sign…
        </Button>
      )}
    </>
  );

  return (
    <Stack gap="md" data-testid="encounter-screen" data-encounter-id={e.id}>
      <EncounterHeader encounter={e} state={draft.state} actions={actions} />
      {draft.state.kind === 'conflict' && (
        <Alert color="orange" title="Someone else changed this note" data-testid="conflict-banner">
          <Stack gap="xs">
            <Text size="sm">Your changes are kept on this device. Load their version and put your changes back on top of it.</Text>
            <Button w="fit-content" onClick={() => void draft.reapply()}>
              Reload theirs and reapply my changes
            </Button>
          </Stack>
        </Alert>
      )}
      {draft.restored && isDraft(e) && (
        <Alert color="blue" data-testid="restored-notice">
          Unsaved typing from this device was put back.
        </Alert>
      )}
      {!isDraft(e) && <SignedBanner encounter={e} onCosign={() => setSigning('cosign')} />}
      {isDraft(e) && !maySign && can('note:write') && (
        <Text size="sm" c="dimmed">
          Only the rendering provider signs this note.
        </Text>
      )}

      {mayEdit && (
        <Group align="flex-end" gap="sm">
          <TemplatePicker
            appointmentTypeId={visit.data?.appointmentTypeId ?? null}
            disabled={!noteIsEmpty(v.note)}
            onPick={(note) => {
              if (!noteIsEmpty(draft.values?.note ?? v.note)) return;
              const expanded = Object.fromEntries(SOAP_SECTIONS.map((s) => [s.key, expandAll(note[s.key], texts)])) as Note;
              draft.update(
                'note',
                expanded,
                SOAP_SECTIONS.map((s) => `note.${s.key}` as const),
              );
            }}
          />
          <QuickTextHelp items={quickTexts.data?.items ?? []} />
        </Group>
      )}

      <Stack gap="xs" component="section" aria-labelledby="note-heading">
        <Group justify="space-between" align="center">
          <Title order={2} size="h4" id="note-heading">
            Note
          </Title>
          {!readOnly && (
            <SegmentedControl
              size="xs"
              aria-label="Note format"
              data={[
                { value: 'plain', label: 'Plain text' },
                { value: 'markdown', label: 'Markdown' },
              ]}
              value={v.noteFormat}
              onChange={(format) => draft.update('noteFormat', format === 'markdown' ? 'markdown' : 'plain', 'noteFormat')}
            />
          )}
        </Group>
        {readOnly ? (
          <Stack gap="sm" data-testid="signed-note">
            {SOAP_SECTIONS.map((s) => (
              <div key={s.key}>
                <Text fw={600} size="sm">
                  {s.label}
                </Text>
                <NoteText text={v.note[s.key]} format={v.noteFormat} testId={`note-${s.key}`} />
              </div>
            ))}
          </Stack>
        ) : (
          <SimpleGrid cols={{ base: 1, lg: 2 }}>
            {SOAP_SECTIONS.map((s) => (
              <SoapField
                key={s.key}
                id={`soap-${s.key}`}
                label={s.label}
                value={v.note[s.key]}
                readOnly={readOnly}
                quickTexts={texts}
                onChange={(text) => draft.update('note', { ...(draft.values?.note ?? v.note), [s.key]: text }, `note.${s.key}`)}
              />
            ))}
          </SimpleGrid>
        )}
      </Stack>

      <VitalsRow
        value={v.vitals}
        bmi={e.vitals?.bmi}
        errors={draft.errors}
        readOnly={readOnly}
        onChange={(vitals) => draft.update('vitals', vitals)}
      />
      <DiagnosesList
        value={v.diagnoses}
        readOnly={readOnly}
        errors={draft.errors}
        onChange={(next) => {
          const before = draft.values?.diagnoses ?? v.diagnoses;
          const procedures = draft.values?.procedures ?? v.procedures;
          const repointed = repoint(before, next, procedures);
          draft.update('diagnoses', next);
          if (JSON.stringify(repointed) !== JSON.stringify(procedures)) draft.update('procedures', repointed);
        }}
      />
      <ProceduresList
        value={v.procedures}
        diagnoses={v.diagnoses}
        readOnly={readOnly}
        errors={draft.errors}
        onChange={(next) => draft.update('procedures', next)}
      />
      <FollowUpFields value={v.followUp} readOnly={readOnly} errors={draft.errors} onChange={(next) => draft.update('followUp', next)} />

      {!isDraft(e) && <Addenda encounterId={e.id} patientId={e.patientId} addenda={e.addenda ?? []} onAdded={() => void draft.reload()} />}

      {signing && (
        <SignDialog
          opened
          mode={signing}
          encounterId={e.id}
          patientId={e.patientId}
          beforeSign={signing === 'sign' ? draft.flush : async () => true}
          onClose={() => setSigning(null)}
          onSigned={() => {
            setSigning(null);
            void draft.reload();
          }}
        />
      )}
    </Stack>
  );
}

/** "Signed by X at T", the co-signature, and the co-sign button for the supervisor. */
function SignedBanner(props: { encounter: Encounter; onCosign(): void }) {
  const e = props.encounter;
  const me = useCurrentUser();
  const can = useCan();
  const providers = useProviders();
  const name = (id: string | null | undefined) => {
    const p = providers.data?.find((x) => x.id === id);
    return p ? providerName(p) : null;
  };
  const signer = e.providerName ?? name(e.providerId) ?? 'the provider';
  const supervisor = name(e.supervisingProviderId);
  const pending = awaitingCosign(e);
  const mayCosign = pending && can('note:sign') && me.user.providerId !== null && me.user.providerId === e.supervisingProviderId;
  return (
    <Alert color={pending ? 'orange' : 'green'} data-testid="signed-banner" title={pending ? 'Awaiting co-signature' : 'Signed'}>
      <Stack gap={4}>
        <Text size="sm" data-testid="signed-by">
          Signed by {signer} at {when(e.signedAt)}
        </Text>
        {e.cosignedAt && (
          <Text size="sm">
            Co-signed by {supervisor ?? 'the supervisor'} at {when(e.cosignedAt)}
          </Text>
        )}
        {pending && <Text size="sm">{supervisor ? `${supervisor} co-signs this note.` : 'The supervisor co-signs this note.'}</Text>}
        {mayCosign && (
          <Button size="xs" w="fit-content" onClick={props.onCosign} data-testid="cosign-button">
            Co-sign…
          </Button>
        )}
      </Stack>
    </Alert>
  );
}
