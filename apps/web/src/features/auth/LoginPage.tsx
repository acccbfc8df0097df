/**
 * Sign-in: email and password, then a one-time code when the server answers MFA_REQUIRED.
 * The session lives in the HttpOnly cookie the server sets; the token in the answer is ignored.
 */
import { Alert, Button, Center, Paper, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { api } from '../../api/client.ts';
import type { paths } from '../../api/schema';
import { fieldErrors } from '../../api/problem.ts';
import { useSubmit } from '../../api/use-submit.ts';
import { queryClient } from '../../app/query-client.ts';
import { safeNext } from './safe-next.ts';

type Json<T> = T extends { content: { 'application/json': infer B } } ? B : never;
type LoginBody = Json<paths['/api/auth/login']['post']['requestBody']>;

const MESSAGES: Record<string, string> = {
  INVALID_CREDENTIALS: 'The email or password is not correct.',
  RATE_LIMITED: 'Too many attempts. Wait a minute and try again.',
};

export function LoginPage() {
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const [mfaRequired, setMfaRequired] = useState(false);
  const form = useForm({ initialValues: { email: '', password: '', totp: '' } });

  const signIn = useSubmit((body: LoginBody) => api.POST('/api/auth/login', { body }), {
    // Nothing cached belongs to the new session.
    onSuccess: async () => {
      queryClient.clear();
      await navigate(safeNext(params.get('next')), { replace: true });
    },
    onProblem: (problem) => {
      if (problem.code === 'MFA_REQUIRED') {
        setMfaRequired(true);
        return mfaRequired ? 'That code did not work. Enter the current code from your authenticator app.' : null;
      }
      form.setErrors(fieldErrors(problem));
      return MESSAGES[problem.code] ?? problem.detail ?? problem.title;
    },
  });
  const { busy: submitting, error: failure } = signIn;
  const submit = form.onSubmit(async (values) => {
    await signIn.submit({ email: values.email, password: values.password, ...(mfaRequired && values.totp ? { totp: values.totp } : {}) });
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
