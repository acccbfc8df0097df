/** /accept-invite#token=…: an invited person chooses a password (the token stays in the fragment, never sent in a URL). */
import { Alert, Button, Center, Paper, PasswordInput, Stack, Text, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { Link } from 'react-router';
import { api } from '../../api/client.ts';
import { fieldErrors, toProblem } from '../../api/problem.ts';

export function AcceptInvitePage() {
  const token = new URLSearchParams(window.location.hash.slice(1)).get('token') ?? '';
  const [done, setDone] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(token ? null : 'This link is incomplete. Ask your administrator for a new one.');
  const form = useForm({
    initialValues: { password: '', repeat: '' },
    validate: {
      password: (v) => (v.length < 12 ? 'At least 12 characters' : null),
      repeat: (v, values) => (v !== values.password ? 'The two entries differ' : null),
    },
  });
  const submit = form.onSubmit(async ({ password }) => {
    setFailure(null);
    const { data, error, response } = await api.POST('/api/auth/accept-invite', { body: { token, password } });
    if (data) {
      setDone(data.email);
      return;
    }
    const problem = toProblem(error, response.status);
    form.setErrors(fieldErrors(problem));
    setFailure(
      problem.errors?.some((e) => e.path === 'token') ? 'This link was already used or has expired. Ask for a new one.' : problem.detail,
    );
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
