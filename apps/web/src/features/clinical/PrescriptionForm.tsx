/**
 * Write a prescription (clinicians): drug, strength, form, sig, quantity and unit, refills
 * (0-11), dispense as written, prescriber (default: the signed-in clinician's provider), DEA
 * number (checked by the server), date written. A new one adds the medication; "Renew" links
 * it to the existing one. After saving, "Print" opens the PDF.
 */
import { browserToday, usePracticeToday } from '../../app/use-practice-today.ts';
import { Alert, Button, Checkbox, Group, NumberInput, Select, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useState } from 'react';
import { api } from '../../api/client.ts';
import { fieldErrors, type Problem as ApiProblem, problemLine } from '../../api/problem.ts';
import { useSubmit } from '../../api/use-submit.ts';
import { useCurrentUser } from '../auth/use-me.ts';
import { providerName, useProviders } from '../schedule/schedule-api.ts';
import { type Medication, type Prescription, prescriptionPdfHref, ROUTE_TEXT } from './clinical-api.ts';
import { clinicalKeys } from './query-keys.ts';

const LABELS: Record<string, string> = {
  drugName: 'Drug',
  strength: 'Strength',
  form: 'Form',
  sig: 'Sig (directions)',
  quantity: 'Quantity',
  quantityUnit: 'Unit',
  refills: 'Refills',
  prescriberId: 'Prescriber',
  deaNumber: 'DEA number',
  writtenDate: 'Date written',
  medicationId: 'Medication',
  route: 'Route',
  note: 'Note',
};

export function PrescriptionForm(props: { patientId: string; renew: Medication | null; onDone: () => void }) {
  const me = useCurrentUser();
  const providers = useProviders();
  const { renew } = props;
  const today = usePracticeToday() ?? browserToday();
  const [draft, setDraft] = useState({
    drugName: renew?.name ?? '',
    strength: renew?.dose ?? '',
    form: 'tablet',
    sig: '',
    quantity: 30 as number | string,
    quantityUnit: 'tablets',
    refills: 0 as number | string,
    dispenseAsWritten: false,
    prescriberId: me.user.providerId ?? '',
    deaNumber: '',
    // Untouched: sent as null, and the server dates it today on the location's clock.
    writtenDate: null as string | null,
    route: renew?.route ?? ('oral' as Medication['route']),
    note: '',
  });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [written, setWritten] = useState<Prescription | null>(null);
  const failed = (p: ApiProblem) => {
    setErrors(fieldErrors(p));
    return problemLine(p, LABELS, (path) => path in LABELS && path !== 'medicationId');
  };
  const saving = useSubmit(
    () =>
      api.POST('/api/patients/{id}/prescriptions', {
        params: { path: { id: props.patientId } },
        body: {
          drugName: draft.drugName,
          strength: draft.strength,
          form: draft.form,
          sig: draft.sig,
          quantity: Number(draft.quantity),
          quantityUnit: draft.quantityUnit,
          refills: Number(draft.refills),
          dispenseAsWritten: draft.dispenseAsWritten,
          prescriberId: draft.prescriberId || null,
          deaNumber: draft.deaNumber.trim() || null,
          writtenDate: draft.writtenDate || null,
          medicationId: renew?.id ?? null,
          route: draft.route,
          note: draft.note,
        },
      }),
    {
      invalidate: [clinicalKeys.prescriptions(props.patientId), clinicalKeys.medications(props.patientId)],
      onSuccess: (data) => setWritten(data.prescription),
      onProblem: failed,
    },
  );
  if (written) {
    return (
      <Stack data-testid="prescription-written">
        <Alert color="green" title="Prescription recorded">
          {written.drugName} {written.strength}, {written.quantity} {written.quantityUnit}, {written.refills} refills. Print it, sign it and
          hand it to the patient.
        </Alert>
        <Group justify="flex-end">
          <Button variant="default" onClick={props.onDone}>
            Close
          </Button>
          <Button component="a" href={prescriptionPdfHref(props.patientId, written.id)} target="_blank" rel="noopener" data-autofocus>
            Print
          </Button>
        </Group>
      </Stack>
    );
  }
  const set = <K extends keyof typeof draft>(key: K, value: (typeof draft)[K]) => setDraft({ ...draft, [key]: value });
  return (
    <form
      aria-label={renew ? `Renew ${renew.name}` : 'Write a prescription'}
      onSubmit={(e) => {
        e.preventDefault();
        void saving.submit();
      }}
    >
      <Stack>
        {saving.error && (
          <Alert color="red" role="alert">
            {saving.error}
          </Alert>
        )}
        {renew && (
          <Text size="sm">
            Renews {renew.name} {renew.dose} on the medication list.
          </Text>
        )}
        <Group grow align="flex-start">
          <TextInput
            label="Drug"
            required
            maxLength={200}
            value={draft.drugName}
            onChange={(e) => set('drugName', e.currentTarget.value)}
            error={errors.drugName}
            data-autofocus
          />
          <TextInput
            label="Strength"
            maxLength={100}
            placeholder="10 mg"
            value={draft.strength}
            onChange={(e) => set('strength', e.currentTarget.value)}
            error={errors.strength}
          />
          <TextInput
            label="Form"
            maxLength={100}
            value={draft.form}
            onChange={(e) => set('form', e.currentTarget.value)}
            error={errors.form}
          />
        </Group>
        <Textarea
          label="Sig (directions)"
          required
          autosize
          minRows={2}
          maxLength={1000}
          placeholder="Take 1 tablet by mouth once daily."
          value={draft.sig}
          onChange={(e) => set('sig', e.currentTarget.value)}
          error={errors.sig}
        />
        <Group grow align="flex-start">
          <NumberInput
            label="Quantity"
            required
            min={0.01}
            max={100000}
            decimalScale={2}
            value={draft.quantity}
            onChange={(v) => set('quantity', v)}
            error={errors.quantity}
          />
          <TextInput
            label="Unit"
            required
            maxLength={50}
            value={draft.quantityUnit}
            onChange={(e) => set('quantityUnit', e.currentTarget.value)}
            error={errors.quantityUnit}
          />
          <NumberInput
            label="Refills"
            min={0}
            max={11}
            allowDecimal={false}
            value={draft.refills}
            onChange={(v) => set('refills', v)}
            error={errors.refills}
          />
          {!renew && (
            <Select
              label="Route"
              data={Object.entries(ROUTE_TEXT).map(([value, label]) => ({ value, label }))}
              value={draft.route}
              allowDeselect={false}
              onChange={(v) => set('route', (v as Medication['route']) ?? 'oral')}
              error={errors.route}
            />
          )}
        </Group>
        <Checkbox
          label="Dispense as written (no generic substitution)"
          checked={draft.dispenseAsWritten}
          onChange={(e) => set('dispenseAsWritten', e.currentTarget.checked)}
        />
        <Group grow align="flex-start">
          <Select
            label="Prescriber"
            required
            data={(providers.data ?? []).filter((p) => p.active).map((p) => ({ value: p.id, label: providerName(p) }))}
            value={draft.prescriberId || null}
            onChange={(v) => set('prescriberId', v ?? '')}
            error={errors.prescriberId}
          />
          <TextInput
            label="DEA number"
            description="Needed for controlled substances, e.g. AB1234563"
            maxLength={9}
            value={draft.deaNumber}
            onChange={(e) => set('deaNumber', e.currentTarget.value.toUpperCase())}
            error={errors.deaNumber}
          />
          <TextInput
            type="date"
            label="Date written"
            value={draft.writtenDate ?? today}
            onChange={(e) => set('writtenDate', e.currentTarget.value)}
            error={errors.writtenDate}
          />
        </Group>
        <Textarea
          label="Note"
          autosize
          minRows={1}
          maxLength={2000}
          value={draft.note}
          onChange={(e) => set('note', e.currentTarget.value)}
          error={errors.note}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={props.onDone}>
            Cancel
          </Button>
          <Button type="submit" loading={saving.busy}>
            Record prescription
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
