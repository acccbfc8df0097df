/** Add a staff account: with an initial password, or (leave it empty) with a one-time invite link. */
import { Alert, Button, Group, PasswordInput, Select, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { api } from '../../../api/client.ts';
import { fieldErrors } from '../../../api/problem.ts';
import { useSubmit } from '../../../api/use-submit.ts';
import { providerName, useProviders } from '../../schedule/schedule-api.ts';
import { userKeys } from './query-keys.ts';
import { RolesEditor } from './RolesEditor.tsx';
import type { Invite, NewUser, RoleAssignment, StaffUser } from './users-api.ts';

export function UserForm({ onCreated, onCancel }: { onCreated: (user: StaffUser, invite: Invite | null) => void; onCancel: () => void }) {
  const providers = useProviders();
  const form = useForm({
    initialValues: {
      email: '',
      displayName: '',
      password: '',
      providerId: null as string | null,
      roles: [{ role: 'front_desk', locationId: null }] as RoleAssignment[],
    },
  });

  const creating = useSubmit((body: NewUser) => api.POST('/api/users', { body }), {
    invalidate: [userKeys.lists()],
    onSuccess: (created) => onCreated(created.user, created.invite),
    onProblem: (problem) => {
      form.setErrors(fieldErrors(problem));
      return undefined;
    },
  });
  const { busy: saving, error: failure } = creating;
  const submit = form.onSubmit(async (v) => {
    await creating.submit({
      email: v.email,
      displayName: v.displayName,
      roles: v.roles,
      ...(v.providerId ? { providerId: v.providerId } : {}),
      ...(v.password ? { password: v.password } : {}),
    });
  });

  const errors = Object.entries(form.errors)
    .filter(([k]) => k.startsWith('roles'))
    .map(([, m]) => m);
  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        {failure && (
          <Alert color="red" role="alert">
            {failure}
          </Alert>
        )}
        <TextInput label="Email" type="email" required {...form.getInputProps('email')} />
        <TextInput label="Name" required {...form.getInputProps('displayName')} />
        <RolesEditor
          value={form.values.roles}
          onChange={(roles) => form.setFieldValue('roles', roles)}
          error={errors.join('; ') || undefined}
        />
        <Select
          label="Acts as provider (clinicians)"
          clearable
          data={(providers.data ?? []).map((p) => ({ value: p.id, label: providerName(p) }))}
          {...form.getInputProps('providerId')}
        />
        <PasswordInput
          label="Initial password"
          description="Leave empty to get a one-time invite link instead (recommended)."
          autoComplete="new-password"
          {...form.getInputProps('password')}
        />
        <Group justify="end">
          <Button variant="default" onClick={onCancel}>
            Cancel
          </Button>
          <Button type="submit" loading={saving}>
            Add user
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
