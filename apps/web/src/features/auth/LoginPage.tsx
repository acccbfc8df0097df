/**
 * Sign-in: email and password, then a one-time code when the server answers MFA_REQUIRED.
 * The session lives in the HttpOnly cookie the server sets; the token in the answer is ignored.
 */
import { Alert, Button, Center, Paper, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { api } from '../../api/client.ts';
import { fieldErrors, toProblem } from '../../api/problem.ts';
import { queryClient } from '../../app/query-client.ts';
import { safeNext } from './safe-next.ts';

const MESSAGES: Record<string, string> = {
  INVALID_CREDENTIALS: 'The email or password is not correct.',
  RATE_LIMITED: 'Too many attempts. Wait a minute and try again.',
};

export function LoginPage() {
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const [mfaRequired, setMfaRequired] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const [submitting, setSubmitting] = useState(false);
  const form = useForm({ initialValues: { email: '', password: '', totp: '' } });

  const submit = form.onSubmit(async (values) => {
    setSubmitting(true);
    setFailure(null);
    try {
      const body = { email: values.email, password: values.password, ...(mfaRequired && values.totp ? { totp: values.totp } : {}) };
      const { error, response } = await api.POST('/api/auth/login', { body });
      if (response.ok) {
        queryClient.clear();
        await navigate(safeNext(params.get('next')), { replace: true });
        return;
      }
      const problem = toProblem(error, response.status);
      if (problem.code === 'MFA_REQUIRED') {
        setFailure(mfaRequired ? 'That code did not work. Enter the current code from your authenticator app.' : null);
        setMfaRequired(true);
        return;
      }
      form.setErrors(fieldErrors(problem));
      setFailure(MESSAGES[problem.code] ?? problem.detail ?? problem.title);
    } catch {
      setFailure('ClinicDesk cannot be reached. Check the connection and try again.');
    } finally {
      setSubmitting(false);
    }
  });

  return (
    <Center mih="100vh" p="md" component="main">
      <Paper withBorder shadow="sm" p="xl" w={400} maw="100%">
        <form onSubmit={submit} noValidate>
          <Stack>
            <Title order={1} size="h2">
              Sign in to ClinicDesk
            </Title>
            {params.get('signedOut') === 'idle' && (
              <Alert color="yellow" title="Signed out" role="status">
                You were signed out after inactivity. Sign in again to continue.
              </Alert>
            )}
            {failure && (
              <Alert color="red" role="alert">
                {failure}
              </Alert>
            )}
            <TextInput label="Email" type="email" autoComplete="username" required autoFocus {...form.getInputProps('email')} />
            <PasswordInput label="Password" autoComplete="current-password" required {...form.getInputProps('password')} />
            {mfaRequired && (
              <>
                <Text size="sm">Enter the 6-digit code from your authenticator app.</Text>
                <TextInput
                  label="One-time code"
                  inputMode="numeric"
                  autoComplete="one-time-code"
                  required
                  autoFocus
                  {...form.getInputProps('totp')}
                />
              </>
            )}
            <Button type="submit" loading={submitting}>
              Sign in
            </Button>
          </Stack>
        </form>
      </Paper>
    </Center>
  );
}
