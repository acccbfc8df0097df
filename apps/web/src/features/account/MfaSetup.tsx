/**
 * TOTP enrolment: ask the server for a secret, show its QR code (and the secret for
 * typing by hand), confirm with a code, then show the recovery codes once.
 */
import { Alert, Button, Code, Group, Image, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { api } from '../../api/client.ts';
import { useSubmit } from '../../api/use-submit.ts';
import { RecoveryCodes } from './RecoveryCodes.tsx';

interface Enrollment {
  secret: string;
  otpauthUrl: string;
  qrDataUrl: string;
}

export function MfaSetup({ onActivated }: { onActivated: () => void }) {
  const [enrollment, setEnrollment] = useState<Enrollment | null>(null);
  const [codes, setCodes] = useState<string[] | null>(null);
  const [code, setCode] = useState('');
  const enrolling = useSubmit(() => api.POST('/api/me/mfa/enroll'), {
    onSuccess: (data) => setEnrollment(data),
    onProblem: (problem) => problem.detail,
  });
  const activating = useSubmit(() => api.POST('/api/me/mfa/activate', { body: { code: code.trim() } }), {
    onSuccess: (data) => setCodes(data.recoveryCodes),
    onProblem: (problem) => (problem.status === 400 ? 'That code did not work. Enter the current code.' : problem.detail),
  });
  // Activation follows enrolment on the same screen: one busy state, one message line.
  const busy = enrolling.busy || activating.busy;
  const failure = activating.error ?? enrolling.error;
  const start = () => {
    activating.reset();
    void enrolling.submit();
  };
  const activate = () => {
    enrolling.reset();
    void activating.submit();
  };

  if (codes) return <RecoveryCodes codes={codes} onDone={onActivated} />;
  return (
    <Stack maw={460}>
      {failure && (
        <Alert color="red" role="alert">
          {failure}
        </Alert>
      )}
      {!enrollment ? (
        <Button onClick={start} loading={busy} w="fit-content">
          Set up an authenticator app
        </Button>
      ) : (
        <>
          <Text size="sm">
            Scan this code with your authenticator app (Google Authenticator, Microsoft Authenticator, 1Password…), then enter the 6-digit
            code it shows.
          </Text>
          <Image src={enrollment.qrDataUrl} alt="QR code for your authenticator app" w={200} h={200} />
          <Text size="sm">
            Cannot scan? Enter this key by hand: <Code data-testid="mfa-secret">{enrollment.secret}</Code>
          </Text>
          <Group align="end">
            <TextInput
              label="Code from the app"
              inputMode="numeric"
              autoComplete="one-time-code"
              maxLength={6}
              value={code}
              onChange={(e) => setCode(e.currentTarget.value)}
            />
            <Button onClick={activate} loading={busy} disabled={!/^\d{6}$/.test(code.trim())}>
              Turn on
            </Button>
          </Group>
        </>
      )}
    </Stack>
  );
}
