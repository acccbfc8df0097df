/** Change your password: the current one, then a new one (12-128 characters, not a common password). Other sessions end. */
import { Alert, Button, PasswordInput, Stack, Text } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { api } from '../../api/client.ts';
import { fieldErrors } from '../../api/problem.ts';
import { useSubmit } from '../../api/use-submit.ts';

export function PasswordForm() {
  const form = useForm({
    initialValues: { currentPassword: '', newPassword: '', repeat: '' },
    validate: {
      newPassword: (v) => (v.length < 12 ? 'At least 12 characters' : v.length > 128 ? 'At most 128 characters' : null),
      repeat: (v, values) => (v !== values.newPassword ? 'The two entries differ' : null),
    },
  });

  const changing = useSubmit(
    (currentPassword: string, newPassword: string) => api.POST('/api/me/password', { body: { currentPassword, newPassword } }),
    {
      onSuccess: () => {
        form.reset();
        notifications.show({ color: 'green', message: 'Password changed. Your other sessions were signed out.' });
      },
      onProblem: (problem) => {
        form.setErrors(fieldErrors(problem));
        return undefined;
      },
    },
  );
  const { busy: saving, error: failure } = changing;
  const submit = form.onSubmit(async ({ currentPassword, newPassword }) => {
    await changing.submit(currentPassword, newPassword);
  });

  return (
    <form onSubmit={submit} noValidate aria-label="Change password">
      <Stack maw={420}>
        <Text size="sm" c="dimmed">
          Use a long passphrase: 12 to 128 characters. Common or breached passwords, and passwords built on your name, email address or the
          practice name, are refused.
        </Text>
        {failure && (
          <Alert color="red" role="alert">
            {failure}
          </Alert>
        )}
        <PasswordInput label="Current password" autoComplete="current-password" required {...form.getInputProps('currentPassword')} />
        <PasswordInput label="New password" autoComplete="new-password" required {...form.getInputProps('newPassword')} />
        <PasswordInput label="Repeat the new password" autoComplete="new-password" required {...form.getInputProps('repeat')} />
        <Button type="submit" loading={saving} w="fit-content">
          Change password
        </Button>
      </Stack>
    </form>
  );
}
