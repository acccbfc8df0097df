/**
 * The chart's medications (active first) and, below, the prescriptions written here (newest
 * first) with "Print", which opens the PDF to sign. Add or edit a medication in a modal
 * (prescriber: a provider of the practice or an outside prescriber by name), stop one, write
 * a prescription (clinicians: prescription:write), which adds the medication or renews one.
 */
import { browserToday, usePracticeToday } from '../../app/use-practice-today.ts';
import { Alert, Badge, Button, Group, Loader, Select, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { api } from '../../api/client.ts';
import { fieldErrors, type Problem as ApiProblem, problemLine } from '../../api/problem.ts';
import { useSubmit } from '../../api/use-submit.ts';
import { useCan } from '../auth/use-me.ts';
import { providerName, useProviders } from '../schedule/schedule-api.ts';
import { type ChartColumn, ChartEditModal, ChartTable, ErrorLine, stale } from './ChartList.tsx';
import {
  type Medication,
  medicationsQuery,
  type Prescription,
  prescriptionPdfHref,
  prescriptionsQuery,
  ROUTE_TEXT,
} from './clinical-api.ts';
import { PrescriptionForm } from './PrescriptionForm.tsx';
import { clinicalKeys } from './query-keys.ts';

const LABELS: Record<string, string> = {
  name: 'Medication',
  dose: 'Dose',
  route: 'Route',
  frequency: 'Frequency',
  startDate: 'Start date',
  stopDate: 'Stop date',
  prescriberId: 'Prescriber',
  prescriberName: 'Outside prescriber',
  note: 'Note',
};

export function MedicationsTab(props: { patientId: string }) {
  const can = useCan();
  const medications = useQuery(medicationsQuery(props.patientId));
  const prescriptions = useQuery(prescriptionsQuery(props.patientId));
  const [editing, setEditing] = useState<Medication | 'new' | null>(null);
  const [prescribing, setPrescribing] = useState<Medication | 'new' | null>(null);
  const writable = can('note:write');
  const prescriber = can('prescription:write');
  const today = usePracticeToday() ?? browserToday();
  const stop = useSubmit(
    (m: Medication) =>
      api.PATCH('/api/patients/{id}/medications/{medicationId}', {
        params: { path: { id: props.patientId, medicationId: m.id } },
        body: { status: 'stopped', stopDate: m.stopDate && m.stopDate < today ? m.stopDate : today },
        headers: { 'if-match': `"${m.version}"` },
      }),
    {
      invalidate: [clinicalKeys.medications(props.patientId)],
      onProblem: (p) => (p.status === 412 ? stale.row('medication') : undefined),
    },
  );
  if (medications.isPending) return <Loader aria-label="Loading medications" />;
  if (medications.isError) return <Alert color="red">{medications.error.message}</Alert>;
  const items = medications.data;
  return (
    <Stack gap="sm" pt="sm" data-testid="chart-medications">
      <Group justify="space-between">
        <Text size="sm">{items.filter((m) => m.status === 'active').length} active</Text>
        <Group gap="xs">
          {prescriber && (
            <Button variant="default" onClick={() => setPrescribing('new')}>
              Write prescription
            </Button>
          )}
          {writable && <Button onClick={() => setEditing('new')}>Add medication</Button>}
        </Group>
      </Group>
      <ErrorLine error={stop.error} />
      {items.length === 0 ? (
        <Text size="sm">No medications recorded.</Text>
      ) : (
        <ChartTable
          label="Medications"
          items={items}
          columns={MEDICATION_COLUMNS}
          actions={
            writable || prescriber
              ? (m) => (
                  <>
                    {writable && (
                      <Button size="xs" variant="light" onClick={() => setEditing(m)} aria-label={`Edit ${m.name}`}>
                        Edit
                      </Button>
                    )}
                    {prescriber && m.status === 'active' && (
                      <Button size="xs" variant="light" onClick={() => setPrescribing(m)} aria-label={`Renew ${m.name}`}>
                        Renew
                      </Button>
                    )}
                    {writable && m.status === 'active' && (
                      <Button size="xs" variant="default" loading={stop.busy} onClick={() => void stop.submit(m)}>
                        Stop {m.name}
                      </Button>
                    )}
                  </>
                )
              : undefined
          }
        />
      )}

      <Title order={3} size="h5" mt="md">
        Prescriptions
      </Title>
      {prescriptions.isError && <Alert color="red">{prescriptions.error.message}</Alert>}
      {prescriptions.data?.length === 0 && <Text size="sm">No prescriptions written here.</Text>}
      {prescriptions.data && prescriptions.data.length > 0 && (
        <ChartTable
          label="Prescriptions"
          items={prescriptions.data}
          columns={PRESCRIPTION_COLUMNS}
          actions={
            prescriber
              ? (rx) => (
                  <Button
                    size="xs"
                    variant="light"
                    component="a"
                    href={prescriptionPdfHref(props.patientId, rx.id)}
                    target="_blank"
                    rel="noopener"
                    aria-label={`Print the ${rx.drugName} prescription of ${rx.writtenDate} (PDF, opens in a new tab)`}
                  >
                    Print
                  </Button>
                )
              : undefined
          }
        />
      )}

      <ChartEditModal editing={editing} onClose={() => setEditing(null)} addTitle="Add a medication" editTitle="Edit medication" size="lg">
        {(medication) => <MedicationForm patientId={props.patientId} medication={medication} onDone={() => setEditing(null)} />}
      </ChartEditModal>
      <ChartEditModal
        editing={prescribing}
        onClose={() => setPrescribing(null)}
        addTitle="Write a prescription"
        editTitle={(m) => `Renew ${m.name}`}
        size="lg"
      >
        {(renew) => <PrescriptionForm patientId={props.patientId} renew={renew} onDone={() => setPrescribing(null)} />}
      </ChartEditModal>
    </Stack>
  );
}

const MEDICATION_COLUMNS: ChartColumn<Medication>[] = [
  {
    header: 'Medication',
    cell: (m) => (
      <>
        <Text size="sm" fw={500}>
          {m.name} {m.dose}
        </Text>
        {m.note && (
          <Text size="xs" c="dimmed">
            {m.note}
          </Text>
        )}
      </>
    ),
  },
  { header: 'Route', cell: (m) => ROUTE_TEXT[m.route] },
  { header: 'Frequency', cell: (m) => m.frequency || '—' },
  { header: 'Dates', cell: (m) => `${m.startDate ?? '?'} – ${m.stopDate ?? ''}` },
  { header: 'Prescriber', cell: (m) => m.prescriber?.name ?? '—' },
  { header: 'Status', cell: (m) => (m.status === 'active' ? <Badge color="blue">Active</Badge> : <Badge color="gray">Stopped</Badge>) },
];

const PRESCRIPTION_COLUMNS: ChartColumn<Prescription>[] = [
  { header: 'Written', cell: (rx) => rx.writtenDate },
  {
    header: 'Drug',
    cell: (rx) => (
      <>
        {[rx.drugName, rx.strength, rx.form].filter(Boolean).join(' ')}
        {rx.dispenseAsWritten && (
          <Badge ml="xs" size="xs" variant="outline">
            DAW
          </Badge>
        )}
      </>
    ),
  },
  { header: 'Sig', cell: (rx) => rx.sig },
  { header: 'Quantity', cell: (rx) => `${rx.quantity} ${rx.quantityUnit}` },
  { header: 'Refills', cell: (rx) => rx.refills },
  { header: 'Prescriber', cell: (rx) => rx.prescriber.name },
];

function MedicationForm(props: { patientId: string; medication: Medication | null; onDone: () => void }) {
  const { medication: m } = props;
  const providers = useProviders();
  const [draft, setDraft] = useState({
    name: m?.name ?? '',
    dose: m?.dose ?? '',
    route: m?.route ?? ('oral' as Medication['route']),
    frequency: m?.frequency ?? '',
    startDate: m?.startDate ?? '',
    stopDate: m?.stopDate ?? '',
    prescriberId: m?.prescriber?.providerId ?? '',
    prescriberName: m?.prescriber && !m.prescriber.providerId ? m.prescriber.name : '',
    note: m?.note ?? '',
  });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const failed = (p: ApiProblem) => {
    if (p.status === 412) return stale.form('medication');
    setErrors(fieldErrors(p));
    return problemLine(p, LABELS, (path) => path in LABELS);
  };
  const saving = useSubmit(
    () => {
      const body = {
        name: draft.name,
        dose: draft.dose,
        route: draft.route,
        frequency: draft.frequency,
        startDate: draft.startDate || null,
        stopDate: draft.stopDate || null,
        prescriberId: draft.prescriberId || null,
        prescriberName: draft.prescriberId ? null : draft.prescriberName.trim() || null,
        note: draft.note,
      };
      if (!m) return api.POST('/api/patients/{id}/medications', { params: { path: { id: props.patientId } }, body });
      return api.PATCH('/api/patients/{id}/medications/{medicationId}', {
        params: { path: { id: props.patientId, medicationId: m.id } },
        body,
        headers: { 'if-match': `"${m.version}"` },
      });
    },
    { invalidate: [clinicalKeys.medications(props.patientId)], onSuccess: props.onDone, onProblem: failed },
  );
  return (
    <form
      aria-label={m ? 'Edit medication' : 'Add a medication'}
      onSubmit={(e) => {
        e.preventDefault();
        void saving.submit();
      }}
    >
      <Stack>
        <ErrorLine error={saving.error} />
        <Group grow align="flex-start">
          <TextInput
            label="Medication"
            required
            maxLength={200}
            placeholder="Lisinopril"
            value={draft.name}
            onChange={(e) => setDraft({ ...draft, name: e.currentTarget.value })}
            error={errors.name}
            data-autofocus
          />
          <TextInput
            label="Dose"
            maxLength={100}
            placeholder="10 mg"
            value={draft.dose}
            onChange={(e) => setDraft({ ...draft, dose: e.currentTarget.value })}
            error={errors.dose}
          />
        </Group>
        <Group grow align="flex-start">
          <Select
            label="Route"
            data={Object.entries(ROUTE_TEXT).map(([value, label]) => ({ value, label }))}
            value={draft.route}
            allowDeselect={false}
            onChange={(v) => setDraft({ ...draft, route: (v as Medication['route']) ?? 'oral' })}
            error={errors.route}
          />
          <TextInput
            label="Frequency"
            maxLength={200}
            placeholder="once daily"
            value={draft.frequency}
            onChange={(e) => setDraft({ ...draft, frequency: e.currentTarget.value })}
            error={errors.frequency}
          />
        </Group>
        <Group grow align="flex-start">
          <TextInput
            type="date"
            label="Start date"
            value={draft.startDate}
            onChange={(e) => setDraft({ ...draft, startDate: e.currentTarget.value })}
            error={errors.startDate}
          />
          <TextInput
            type="date"
            label="Stop date"
            description="Planned end, or when it stopped"
            value={draft.stopDate}
            onChange={(e) => setDraft({ ...draft, stopDate: e.currentTarget.value })}
            error={errors.stopDate}
          />
        </Group>
        <Group grow align="flex-start">
          <Select
            label="Prescriber"
            placeholder="Outside prescriber"
            clearable
            data={(providers.data ?? []).map((p) => ({ value: p.id, label: providerName(p) }))}
            value={draft.prescriberId || null}
            onChange={(v) => setDraft({ ...draft, prescriberId: v ?? '' })}
            error={errors.prescriberId}
          />
          <TextInput
            label="Outside prescriber"
            description="When not a provider of the practice"
            maxLength={200}
            disabled={Boolean(draft.prescriberId)}
            value={draft.prescriberName}
            onChange={(e) => setDraft({ ...draft, prescriberName: e.currentTarget.value })}
            error={errors.prescriberName}
          />
        </Group>
        <Textarea
          label="Note"
          autosize
          minRows={2}
          maxLength={2000}
          value={draft.note}
          onChange={(e) => setDraft({ ...draft, note: e.currentTarget.value })}
          error={errors.note}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={props.onDone}>
            Cancel
          </Button>
          <Button type="submit" loading={saving.busy}>
            {m ? 'Save' : 'Add medication'}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
