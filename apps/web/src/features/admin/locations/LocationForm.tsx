/**
 * Create or edit a location. Server validation errors (problem+json `errors[{path,message}]`)
 * appear on their fields; a 412 shows the saved values (`current`) next to the user's.
 */
import { Alert, Button, Grid, Group, Select, Stack, Switch, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { ApiError, fieldErrors } from '../../../api/problem.ts';
import type { Location } from '../../../api/types.ts';
import { authKeys } from '../../auth/query-keys.ts';
import { PLACES_OF_SERVICE, timeZones, US_STATES } from './choices.ts';
import { ConflictNotice } from './ConflictNotice.tsx';
import { emptyLocation, FIELD_LABELS as L, fromLocation, type LocationFormValues, toPayload } from './location-form-values.ts';
import { locationKeys } from './query-keys.ts';
import { saveLocation } from './save-location.ts';

export function LocationForm({
  location,
  onSaved,
  onCancel,
}: {
  location: Location | null;
  onSaved: (l: Location) => void;
  onCancel: () => void;
}) {
  const form = useForm<LocationFormValues>({ initialValues: location ? fromLocation(location) : emptyLocation });
  const [version, setVersion] = useState(location?.version ?? 0);
  const [conflict, setConflict] = useState<Location | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const zones = useMemo(() => timeZones(location?.timeZone), [location?.timeZone]);
  const queryClient = useQueryClient();

  const save = useMutation({
    mutationFn: (values: LocationFormValues) => saveLocation(toPayload(values), location ? { id: location.id, version } : null),
    onSuccess: (saved) => {
      // Both location lists, and the location switcher (GET /api/me lists where the user may work).
      void queryClient.invalidateQueries({ queryKey: locationKeys.all });
      void queryClient.invalidateQueries({ queryKey: authKeys.me() });
      onSaved(saved);
    },
    onError: (error) => {
      if (!(error instanceof ApiError)) return setFailure('ClinicDesk cannot be reached. Try again.');
      const { problem } = error;
      if (problem.code === 'VERSION_MISMATCH' && problem.current) return setConflict(problem.current as Location);
      const errors = fieldErrors(problem);
      form.setErrors(errors);
      const onFields = Object.keys(errors).some((path) => path in L);
      setFailure(onFields ? 'Correct the highlighted fields.' : problem.detail || problem.title);
    },
  });

  const submit = form.onSubmit((values) => {
    setFailure(null);
    setConflict(null);
    save.mutate(values);
  });

  const loadTheirs = (current: Location) => {
    form.setValues(fromLocation(current));
    form.resetDirty(fromLocation(current));
    setVersion(current.version);
    setConflict(null);
  };
  const keepMine = (current: Location) => {
    setVersion(current.version);
    setConflict(null);
    save.mutate(form.getValues());
  };

  return (
    <form onSubmit={submit} noValidate aria-label={location ? `Edit ${location.name}` : 'New location'}>
      <Stack>
        {conflict && (
          <ConflictNotice
            mine={form.getValues()}
            theirs={fromLocation(conflict)}
            onLoadTheirs={() => loadTheirs(conflict)}
            onKeepMine={() => keepMine(conflict)}
          />
        )}
        {failure && (
          <Alert color="red" role="alert">
            {failure}
          </Alert>
        )}
        <Grid>
          <Grid.Col span={12}>
            <TextInput label={L.name} required data-autofocus {...form.getInputProps('name')} />
          </Grid.Col>
          <Grid.Col span={6}>
            <TextInput label={L.addressLine1} {...form.getInputProps('addressLine1')} />
          </Grid.Col>
          <Grid.Col span={6}>
            <TextInput label={L.addressLine2} {...form.getInputProps('addressLine2')} />
          </Grid.Col>
          <Grid.Col span={5}>
            <TextInput label={L.city} {...form.getInputProps('city')} />
          </Grid.Col>
          <Grid.Col span={3}>
            <Select
              label={L.state}
              data={[...US_STATES]}
              searchable
              clearable
              {...form.getInputProps('state')}
              value={form.values.state || null}
              onChange={(v) => form.setFieldValue('state', v ?? '')}
            />
          </Grid.Col>
          <Grid.Col span={4}>
            <TextInput label={L.postalCode} inputMode="numeric" {...form.getInputProps('postalCode')} />
          </Grid.Col>
          <Grid.Col span={6}>
            <TextInput label={L.phone} type="tel" {...form.getInputProps('phone')} />
          </Grid.Col>
          <Grid.Col span={6}>
            <Select label={L.timeZone} data={zones} searchable required allowDeselect={false} {...form.getInputProps('timeZone')} />
          </Grid.Col>
          <Grid.Col span={6}>
            <Select label={L.placeOfService} data={PLACES_OF_SERVICE} allowDeselect={false} {...form.getInputProps('placeOfService')} />
          </Grid.Col>
          <Grid.Col span={3}>
            <TextInput label={L.billingNpi} inputMode="numeric" maxLength={10} {...form.getInputProps('billingNpi')} />
          </Grid.Col>
          <Grid.Col span={3}>
            <TextInput label={L.tin} inputMode="numeric" maxLength={9} {...form.getInputProps('tin')} />
          </Grid.Col>
          <Grid.Col span={12}>
            <Switch label="Active (offered for scheduling and billing)" {...form.getInputProps('active', { type: 'checkbox' })} />
          </Grid.Col>
        </Grid>
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>
            Cancel
          </Button>
          <Button type="submit" loading={save.isPending}>
            {location ? 'Save changes' : 'Add location'}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
