/** /accept-invite#token=…: an invited person chooses a password (the token stays in the fragment, never sent in a URL). */
import { Alert, Button, Center, Paper, PasswordInput, Stack, Text, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { Link } from 'react-router';
import { api } from '../../api/client.ts';
import { fieldErrors } from '../../api/problem.ts';
import { useSubmit } from '../../api/use-submit.ts';

export function AcceptInvitePage() {
  const token = new URLSearchParams(window.location.hash.slice(1)).get('token') ?? '';
  const [done, setDone] = useState<string | null>(null);
  const form = useForm({
    initialValues: { password: '', repeat: '' },
    validate: {
      password: (v) => (v.length < 12 ? 'At least 12 characters' : null),
      repeat: (v, values) => (v !== values.password ? 'The two entries differ' : null),
    },
  });
  const accepting = useSubmit((password: string) => api.POST('/api/auth/accept-invite', { body: { token, password } }), {
    onSuccess: (data) => setDone(data.email),
    onProblem: (problem) => {
      form.setErrors(fieldErrors(problem));
      return problem.errors?.some((e) => e.path === 'token')
        ? 'This link was already used or has expired. Ask for a new one.'
        : problem.detail;
    },
  });
  const failure = token ? accepting.error : 'This link is incomplete. Ask your administrator for a new one.';
  const submit = form.onSubmit(async ({ password }) => {
    await accepting.submit(password);
  });

  return (
    <Center mih="100vh" p="md" component="main">
      <Paper withBorder shadow="sm" p="xl" w={420} maw="100%">
        <Stack>
          <Title order={1} size="h2">
            Choose your password
          </Title>
          {done ? (
            <>
              <Alert color="green">Your password is set. Sign in as {done}.</Alert>
              <Button component={Link} to="/login">
                Sign in
              </Button>
            </>
          ) : (
            <form onSubmit={submit} noValidate>
              <Stack>
                <Text size="sm">
                  12 to 128 characters, easy for you to remember and hard to guess: common or breached passwords, and passwords built on
                  your name, email address or the practice name, are refused.
                </Text>
                {failure && (
                  <Alert color="red" role="alert">
                    {failure}
                  </Alert>
                )}
                <PasswordInput label="New password" autoComplete="new-password" required {...form.getInputProps('password')} />
                <PasswordInput label="Repeat it" autoComplete="new-password" required {...form.getInputProps('repeat')} />
                <Button type="submit" disabled={!token}>
                  Set password
                </Button>
              </Stack>
            </form>
          )}
        </Stack>
      </Paper>
    </Center>
  );
}
