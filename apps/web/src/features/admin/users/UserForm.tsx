/** Add a staff account: with an initial password, or (leave it empty) with a one-time invite link. */
import { Alert, Button, Group, PasswordInput, Select, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { api, unwrap } from '../../../api/client.ts';
import { fieldErrors, toProblem } from '../../../api/problem.ts';
import { RolesEditor } from './RolesEditor.tsx';
import type { Invite, RoleAssignment, StaffUser } from './users-api.ts';

export function UserForm({ onCreated, onCancel }: { onCreated: (user: StaffUser, invite: Invite | null) => void; onCancel: () => void }) {
  const [failure, setFailure] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const providers = useQuery({ queryKey: ['providers'], queryFn: () => unwrap(api.GET('/api/providers')) });
  const form = useForm({
    initialValues: {
      email: '',
      displayName: '',
      password: '',
      providerId: null as string | null,
      roles: [{ role: 'front_desk', locationId: null }] as RoleAssignment[],
    },
  });

  const submit = form.onSubmit(async (v) => {
    setSaving(true);
    setFailure(null);
    try {
      const body = {
        email: v.email,
        displayName: v.displayName,
        roles: v.roles,
        ...(v.providerId ? { providerId: v.providerId } : {}),
        ...(v.password ? { password: v.password } : {}),
      };
      const { data, error, response } = await api.POST('/api/users', { body });
      if (data) return onCreated(data.user, data.invite);
      const problem = toProblem(error, response.status);
      form.setErrors(fieldErrors(problem));
      setFailure(problem.detail || problem.title);
    } finally {
      setSaving(false);
    }
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
          data={(providers.data?.items ?? []).map((p) => ({
            value: p.id,
            label: `${p.givenName} ${p.familyName}${p.credentials ? `, ${p.credentials}` : ''}`,
          }))}
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
