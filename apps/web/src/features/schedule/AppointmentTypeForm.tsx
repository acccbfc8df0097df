/**
 * Add or edit an appointment type (in the set-up screen's dialog). The server's field errors
 * show under their fields; a 412 (someone saved the type meanwhile) says so and refreshes the list.
 */
import { Alert, Button, ColorInput, Group, MultiSelect, NumberInput, Select, Stack, Switch, TextInput } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api } from '../../api/client.ts';
import { labelOf, type Problem, problemLine, withLabel } from '../../api/problem.ts';
import { useSubmit } from '../../api/use-submit.ts';
import {
  bodyOf,
  draftOf,
  emptyDraft,
  PATIENT_KINDS,
  type PatientKind,
  SWATCHES,
  TYPE_LABELS as L,
  type TypeDraft,
} from './appointment-type-values.ts';
import { scheduleKeys } from './query-keys.ts';
import { type AppointmentType, type Provider, providerName } from './schedule-api.ts';

/** The Select's value for "no room" (a room kind is never blank). */
const NO_ROOM = '__none__';

/** Types change what can be booked: the type lists and every open-slot search. */
export const typeChanges = [scheduleKeys.appointmentTypes(), scheduleKeys.availabilitySearches()];

export function AppointmentTypeForm(props: {
  /** null: a new type. */
  type: AppointmentType | null;
  providers: Provider[];
  /** Room kinds the practice's rooms have. */
  roomKinds: string[];
  onDone: () => void;
}) {
  const { type } = props;
  const [draft, setDraft] = useState<TypeDraft>(type ? draftOf(type) : emptyDraft);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const queryClient = useQueryClient();
  const set = <K extends keyof TypeDraft>(key: K, value: TypeDraft[K]) => setDraft((d) => ({ ...d, [key]: value }));

  const failed = (p: Problem) => {
    if (p.status === 412) {
      void queryClient.invalidateQueries({ queryKey: scheduleKeys.appointmentTypes() });
      return 'Someone changed this type meanwhile: close and open it again.';
    }
    // One message per field, under it, as a sentence naming the field ("Name already in use.").
    const byField: Record<string, string> = {};
    for (const e of p.errors ?? []) {
      const field = e.path.split('.')[0] ?? e.path;
      byField[field] ??= withLabel(labelOf(e.path, L), e.message);
    }
    setErrors(byField);
    return problemLine(p, L, (path) => (path.split('.')[0] ?? path) in L && path !== 'active');
  };
  const saving = useSubmit(
    () =>
      type
        ? api.PATCH('/api/appointment-types/{id}', {
            params: { path: { id: type.id } },
            body: bodyOf(draft),
            headers: { 'if-match': `"${type.version}"` },
          })
        : api.POST('/api/appointment-types', { body: bodyOf(draft) }),
    { invalidate: typeChanges, onSuccess: props.onDone, onProblem: failed },
  );

  // A kind no room has any more stays offered while the type still names it.
  const kinds = [...new Set([...props.roomKinds, ...(draft.roomKind ? [draft.roomKind] : [])])].sort();
  return (
    <form
      noValidate
      aria-label={type ? `Edit ${type.name}` : 'Add appointment type'}
      onSubmit={(e) => {
        e.preventDefault();
        setErrors({});
        void saving.submit();
      }}
    >
      <Stack>
        {saving.error && (
          <Alert color="red" role="alert">
            {saving.error}
          </Alert>
        )}
        <TextInput
          label={L.name}
          required
          maxLength={100}
          value={draft.name}
          onChange={(e) => set('name', e.currentTarget.value)}
          error={errors.name}
          data-autofocus
        />
        <Group grow align="flex-start">
          <NumberInput
            label={L.durationMinutes}
            required
            min={5}
            max={480}
            step={5}
            allowDecimal={false}
            value={draft.durationMinutes}
            onChange={(v) => set('durationMinutes', v)}
            error={errors.durationMinutes}
          />
          <NumberInput
            label={L.bufferMinutes}
            description="Kept free after each visit"
            min={0}
            max={120}
            step={5}
            allowDecimal={false}
            value={draft.bufferMinutes}
            onChange={(v) => set('bufferMinutes', v)}
            error={errors.bufferMinutes}
          />
        </Group>
        <ColorInput
          label={L.color}
          description="On the calendar"
          format="hex"
          swatches={SWATCHES}
          withEyeDropper={false}
          value={draft.color}
          onChange={(v) => set('color', v)}
          error={errors.color}
        />
        <Select
          label={L.patientKind}
          data={PATIENT_KINDS}
          value={draft.patientKind}
          onChange={(v) => v && set('patientKind', v as PatientKind)}
          allowDeselect={false}
          error={errors.patientKind}
        />
        <Select
          label={L.resourceKinds}
          description="A room of this kind is reserved for the visit"
          data={[{ value: NO_ROOM, label: 'No room' }, ...kinds.map((k) => ({ value: k, label: k }))]}
          value={draft.roomKind || NO_ROOM}
          onChange={(v) => set('roomKind', !v || v === NO_ROOM ? '' : v)}
          allowDeselect={false}
          error={errors.resourceKinds}
        />
        <MultiSelect
          label={L.providerIds}
          description="Leave empty for every provider"
          placeholder={draft.providerIds.length ? undefined : 'Every provider'}
          data={props.providers.map((p) => ({ value: p.id, label: providerName(p) }))}
          value={draft.providerIds}
          onChange={(v) => set('providerIds', v)}
          searchable
          clearable
          error={errors.providerIds}
        />
        <Switch
          label="Overbooking allowed (may be booked over another visit)"
          checked={draft.overbookingAllowed}
          onChange={(e) => set('overbookingAllowed', e.currentTarget.checked)}
          error={errors.overbookingAllowed}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={props.onDone}>
            Cancel
          </Button>
          <Button type="submit" loading={saving.busy}>
            Save
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
